package dev.freeway.engine;

/**
 * The permessage-deflate parameters in force on one connection, as agreed in the handshake
 * (RFC 7692 section 7.1). "Server" and "client" name the direction the parameter governs: the
 * server's parameters bind the compressor of the server and the decompressor of the client.
 *
 * @param serverNoContextTakeover the server compresses every message afresh
 * @param clientNoContextTakeover the client compresses every message afresh
 * @param serverMaxWindowBits     the base-2 log of the largest window the server compresses with, 8-15
 * @param clientMaxWindowBits     the base-2 log of the largest window the client compresses with, 8-15
 */
public record DeflateParameters(boolean serverNoContextTakeover, boolean clientNoContextTakeover,
                                int serverMaxWindowBits, int clientMaxWindowBits) {
    /** The smallest LZ77 window RFC 7692 allows, 256 bytes. */
    public static final int MIN_WINDOW_BITS = 8;
    /** The largest LZ77 window, 32 KiB, and the only one java.util.zip compresses with. */
    public static final int MAX_WINDOW_BITS = 15;

    /** Context takeover both ways and 32 KiB windows: what a bare {@code permessage-deflate} agrees. */
    public static final DeflateParameters DEFAULTS =
            new DeflateParameters(false, false, MAX_WINDOW_BITS, MAX_WINDOW_BITS);

    public DeflateParameters {
        checkWindowBits("serverMaxWindowBits", serverMaxWindowBits);
        checkWindowBits("clientMaxWindowBits", clientMaxWindowBits);
    }

    /**
     * Whether the endpoint playing {@code self} must reset its decompressor after each message:
     * it decompresses what the other role compressed, so the other role's no-context-takeover
     * decides.
     */
    public boolean resetInflaterAfterMessage(Role self) {
        return self == Role.SERVER ? clientNoContextTakeover : serverNoContextTakeover;
    }

    /** Whether the endpoint playing {@code self} must reset its compressor after each message. */
    public boolean resetDeflaterAfterMessage(Role self) {
        return self == Role.SERVER ? serverNoContextTakeover : clientNoContextTakeover;
    }

    /** The largest window the peer of {@code self} compresses with, so the one {@code self} inflates. */
    public int inflateWindowBits(Role self) {
        return self == Role.SERVER ? clientMaxWindowBits : serverMaxWindowBits;
    }

    /** The largest window {@code self} may compress with. */
    public int deflateWindowBits(Role self) {
        return self == Role.SERVER ? serverMaxWindowBits : clientMaxWindowBits;
    }

    private static void checkWindowBits(String what, int bits) {
        if (bits < MIN_WINDOW_BITS || bits > MAX_WINDOW_BITS) {
            throw new IllegalArgumentException(what + " must be 8-15, was " + bits);
        }
    }
}
