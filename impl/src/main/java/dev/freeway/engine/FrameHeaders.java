package dev.freeway.engine;

/** Encodes frame headers (RFC 6455 section 5.2) into a byte array. */
final class FrameHeaders {
    /** The longest header: 2 bytes, 8 bytes of extended length, 4 bytes of mask key. */
    static final int MAX_LENGTH = 14;

    private FrameHeaders() {
    }

    /** The size of a header for a payload of {@code length} bytes. */
    static int size(long length, boolean masked) {
        int n = length < 126 ? 2 : length <= 0xFFFF ? 4 : 10;
        return masked ? n + 4 : n;
    }

    /**
     * Writes a header at {@code dst[at]}, with the mask key last when {@code masked}.
     *
     * @return the index after the header
     */
    static int write(byte[] dst, int at, boolean fin, int rsv, int opcode, long length, boolean masked, int maskKey) {
        dst[at++] = (byte) ((fin ? 0x80 : 0) | (rsv << 4) | opcode);
        int maskBit = masked ? 0x80 : 0;
        if (length < 126) {
            dst[at++] = (byte) (maskBit | (int) length);
        } else if (length <= 0xFFFF) {
            dst[at++] = (byte) (maskBit | 126);
            dst[at++] = (byte) (length >>> 8);
            dst[at++] = (byte) length;
        } else {
            dst[at++] = (byte) (maskBit | 127);
            ByteArrays.putLong(dst, at, length);
            at += 8;
        }
        if (masked) {
            dst[at++] = (byte) (maskKey >>> 24);
            dst[at++] = (byte) (maskKey >>> 16);
            dst[at++] = (byte) (maskKey >>> 8);
            dst[at++] = (byte) maskKey;
        }
        return at;
    }
}
