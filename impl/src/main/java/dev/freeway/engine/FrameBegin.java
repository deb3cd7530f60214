package dev.freeway.engine;

import dev.freeway.api.Opcode;

/**
 * The header of a data frame (text, binary, continuation, or a reserved data opcode).
 *
 * <p>Received before the frame's {@link Data} events: {@code length} is the payload length as
 * declared on the wire (compressed length under permessage-deflate). Sent to begin a frame of
 * declared length whose payload then follows in {@link FrameData} events; the frame ends by
 * itself when {@code length} bytes have been sent.
 *
 * @param opcode the frame's opcode; {@link Opcode#CONTINUATION} for every frame after the first
 *               of a message (when sending, give the message's opcode on its first frame and
 *               {@code CONTINUATION} or the same opcode afterwards)
 * @param rsv    the RSV1-3 bits as a 3-bit number, RSV1 being 4
 * @param length the declared payload length, 0 to 2^63-1
 * @param fin    whether this frame ends its message
 */
public record FrameBegin(int opcode, int rsv, long length, boolean fin) implements Event {
    public FrameBegin {
        if (opcode < 0 || opcode > 0xF || Opcode.isControl(opcode)) {
            throw new IllegalArgumentException("opcode 0x" + Integer.toHexString(opcode) + " is not a data opcode");
        }
        if (rsv < 0 || rsv > 7) {
            throw new IllegalArgumentException("rsv must be 0-7, was " + rsv);
        }
        if (length < 0) {
            throw new IllegalArgumentException("frame length must be 0 to 2^63-1, was " + length);
        }
    }

    /** Whether this frame starts a message (any opcode but continuation). */
    public boolean messageBegins() {
        return opcode != Opcode.CONTINUATION;
    }

    public boolean rsv1() {
        return (rsv & 4) != 0;
    }

    public boolean rsv2() {
        return (rsv & 2) != 0;
    }

    public boolean rsv3() {
        return (rsv & 1) != 0;
    }
}
