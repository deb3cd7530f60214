package dev.freeway.api;

/**
 * WebSocket frame opcodes (RFC 6455 section 5.2) and the questions asked of them.
 *
 * <p>Opcodes are plain {@code int}s so that the frame-level API can carry the reserved ones
 * (3-7 for data, 11-15 for control) to applications and extensions that opted into raw access.
 */
public final class Opcode {
    public static final int CONTINUATION = 0x0;
    public static final int TEXT = 0x1;
    public static final int BINARY = 0x2;
    public static final int CLOSE = 0x8;
    public static final int PING = 0x9;
    public static final int PONG = 0xA;

    private Opcode() {
    }

    /** Control frames have the high bit of the opcode set (8-15). */
    public static boolean isControl(int opcode) {
        return (opcode & 0x8) != 0;
    }

    /** The opcodes RFC 6455 leaves unassigned: 3-7 and 11-15. */
    public static boolean isReserved(int opcode) {
        return (opcode >= 0x3 && opcode <= 0x7) || opcode >= 0xB;
    }

    /** A readable name, for logs and error messages. */
    public static String name(int opcode) {
        switch (opcode) {
            case CONTINUATION: return "CONTINUATION";
            case TEXT: return "TEXT";
            case BINARY: return "BINARY";
            case CLOSE: return "CLOSE";
            case PING: return "PING";
            case PONG: return "PONG";
            default: return "RESERVED(0x" + Integer.toHexString(opcode) + ")";
        }
    }
}
