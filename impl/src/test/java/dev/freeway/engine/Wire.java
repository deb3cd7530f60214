package dev.freeway.engine;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds raw frames byte by byte, independently of the engine's own writer, so that tests of the
 * reader do not trust the code they test.
 */
final class Wire {
    static final byte[] MASK = {0x37, (byte) 0xfa, 0x21, 0x3d};

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final boolean masked;

    private Wire(boolean masked) {
        this.masked = masked;
    }

    /** Frames as a client sends them (masked), for a server to read. */
    static Wire fromClient() {
        return new Wire(true);
    }

    /** Frames as a server sends them (unmasked), for a client to read. */
    static Wire fromServer() {
        return new Wire(false);
    }

    Wire frame(boolean fin, int rsv, int opcode, byte[] payload) {
        return frame(fin, rsv, opcode, payload, payload.length, masked);
    }

    /** A frame whose header may declare another length than the payload given, or another mask bit. */
    Wire frame(boolean fin, int rsv, int opcode, byte[] payload, long declared, boolean mask) {
        out.write((fin ? 0x80 : 0) | (rsv << 4) | opcode);
        int maskBit = mask ? 0x80 : 0;
        if (declared < 126) {
            out.write(maskBit | (int) declared);
        } else if (declared <= 0xFFFF) {
            out.write(maskBit | 126);
            out.write((int) (declared >>> 8));
            out.write((int) declared);
        } else {
            out.write(maskBit | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) (declared >>> shift));
            }
        }
        if (mask) {
            out.write(MASK, 0, 4);
            for (int i = 0; i < payload.length; i++) {
                out.write(payload[i] ^ MASK[i & 3]);
            }
        } else {
            out.write(payload, 0, payload.length);
        }
        return this;
    }

    Wire text(String s) {
        return frame(true, 0, 1, utf8(s));
    }

    Wire binary(byte[] b) {
        return frame(true, 0, 2, b);
    }

    Wire close(int code, String reason) {
        byte[] r = utf8(reason);
        byte[] p = new byte[2 + r.length];
        p[0] = (byte) (code >>> 8);
        p[1] = (byte) code;
        System.arraycopy(r, 0, p, 2, r.length);
        return frame(true, 0, 8, p);
    }

    Wire raw(byte... bytes) {
        out.write(bytes, 0, bytes.length);
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
