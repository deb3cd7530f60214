"""Shared by the permessage-deflate interop scripts: records the compressed stream a peer sends.

Wraps websockets' PerMessageDeflate.decode so that every compressed message's payload (its frames'
data, then the 00 00 ff ff tail RFC 7692 section 7.2.2 appends) is kept, in order, before it is
inflated. The Java test reads that stream with its own DEFLATE reader to see the window used.
"""
from websockets.extensions import permessage_deflate as pmd

TAIL = b"\x00\x00\xff\xff"


class Capture:
    def __init__(self):
        self.stream = bytearray()
        self.messages = 0
        self._in_compressed = False
        original = pmd.PerMessageDeflate.decode
        capture = self

        def decode(extension, frame, *, max_size=None):
            if frame.opcode in (1, 2) and frame.rsv1:
                capture._in_compressed = True
            if frame.opcode in (0, 1, 2) and capture._in_compressed:
                capture.stream += frame.data
                if frame.fin:
                    capture.stream += TAIL
                    capture.messages += 1
                    capture._in_compressed = False
            return original(extension, frame, max_size=max_size)

        pmd.PerMessageDeflate.decode = decode
