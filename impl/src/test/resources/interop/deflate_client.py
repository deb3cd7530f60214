"""Python websockets as a permessage-deflate client of a Freeway server.

Usage: deflate_client.py URL OFFER_JSON
OFFER_JSON has ClientPerMessageDeflateFactory's arguments, e.g. {"server_max_window_bits": 9}.
Sends text and binary messages to an echo endpoint that prefixes text with "<name>:", checks each
echo, and prints one line of JSON: the negotiated extensions, how many compressed messages came
back, and their stream in hex. Exits non-zero on any mismatch.
"""
import asyncio
import json
import sys

import websockets
from websockets.extensions.permessage_deflate import ClientPerMessageDeflateFactory

from deflate_capture import Capture


def messages():
    # Repeats far apart (a block of 3000 bytes, sent twice) and near together (a short phrase),
    # so a large window has long distances to use and a small one short ones.
    block = bytes((i * 7919 + i // 13) % 251 for i in range(3000))
    yield "window " * 400
    yield block + block + block
    for i in range(6):
        yield "message %d: permessage-deflate with a small window " % i * (20 + i)
    yield b""
    yield ""


async def main(url, offer):
    capture = Capture()
    factory = ClientPerMessageDeflateFactory(**offer)
    async with websockets.connect(url, extensions=[factory], compression=None, max_size=2 ** 22) as ws:
        for message in messages():
            await ws.send(message)
            echo = await ws.recv()
            expected = "py:" + message if isinstance(message, str) else message
            if echo != expected:
                print("echo mismatch: sent %d, got %d" % (len(message), len(echo)), file=sys.stderr)
                return 2
        extensions = ws.response_headers.get("Sec-WebSocket-Extensions", "")
    print(json.dumps({"extensions": extensions, "messages": capture.messages, "stream": capture.stream.hex()}))
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main(sys.argv[1], json.loads(sys.argv[2]))))
