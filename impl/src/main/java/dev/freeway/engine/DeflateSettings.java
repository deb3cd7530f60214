package dev.freeway.engine;

import java.util.zip.Deflater;

/**
 * What this endpoint wants from permessage-deflate (RFC 7692): whether to negotiate it at all, how
 * hard to compress, which context-takeover restrictions to ask for, and which LZ77 windows to
 * use. Immutable; build with {@link #builder()}.
 *
 * <p>Windows are given in bits, 8-15 (256 bytes to 32 KiB). {@link #maxWindowBits()} bounds our
 * compressor: a smaller window costs ratio and saves memory per compressing connection (see
 * {@link Compressors}). {@link #peerMaxWindowBits()} is what we ask of the peer's compressor;
 * our decompressor ({@code java.util.zip.Inflater}) reads any window, so it only saves the peer
 * memory. Windows below 15 bits need JZlib on the class path ({@link #smallWindows()}). A peer's
 * request that we drop our compression context, or use a smaller window, is honoured whenever we
 * can, since it only costs us compression ratio.
 */
public final class DeflateSettings {
    private final boolean enabled;
    private final int compressionLevel;
    private final boolean noContextTakeover;
    private final boolean requestPeerNoContextTakeover;
    private final int maxWindowBits;
    private final int peerMaxWindowBits;
    private final boolean smallWindows;

    private DeflateSettings(Builder b) {
        this.enabled = b.enabled;
        this.compressionLevel = b.compressionLevel;
        this.noContextTakeover = b.noContextTakeover;
        this.requestPeerNoContextTakeover = b.requestPeerNoContextTakeover;
        this.maxWindowBits = b.maxWindowBits;
        this.peerMaxWindowBits = b.peerMaxWindowBits;
        this.smallWindows = b.smallWindows;
    }

    /**
     * Enabled, zlib's default level (6), context takeover in both directions: the best ratio for
     * the usual chatty connection.
     */
    public static DeflateSettings defaults() {
        return builder().build();
    }

    /** permessage-deflate neither offered nor accepted. */
    public static DeflateSettings disabled() {
        return builder().enabled(false).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .enabled(enabled)
                .compressionLevel(compressionLevel)
                .noContextTakeover(noContextTakeover)
                .requestPeerNoContextTakeover(requestPeerNoContextTakeover)
                .maxWindowBits(maxWindowBits)
                .peerMaxWindowBits(peerMaxWindowBits)
                .smallWindows(smallWindows);
    }

    /** Whether permessage-deflate is offered (client) or accepted (server). */
    public boolean enabled() {
        return enabled;
    }

    /**
     * The {@link Deflater} level, 0-9 or {@link Deflater#DEFAULT_COMPRESSION} (-1, zlib's 6).
     */
    public int compressionLevel() {
        return compressionLevel;
    }

    /**
     * Whether our compressor starts every message afresh and tells the peer so
     * ({@code client_no_context_takeover} in a client's offer, {@code server_no_context_takeover}
     * in a server's response). Costs ratio on small similar messages; in exchange no compression
     * state must survive between messages, so a deflater can be released while idle.
     */
    public boolean noContextTakeover() {
        return noContextTakeover;
    }

    /**
     * Whether we ask the peer to start every message afresh, so that our decompressor keeps no
     * state between messages and can be released while idle. A server simply imposes it
     * ({@code client_no_context_takeover} in the response); a client offers
     * {@code server_no_context_takeover}, which a server unable to honour it must decline,
     * leaving the connection uncompressed.
     */
    public boolean requestPeerNoContextTakeover() {
        return requestPeerNoContextTakeover;
    }

    /**
     * The largest window, in bits (8-15, default 15), our compressor uses: a server answers with
     * {@code server_max_window_bits} of at most this (a client's smaller value wins), a client
     * offers {@code client_max_window_bits} with it (bare at 15, so the server may choose).
     */
    public int maxWindowBits() {
        return maxWindowBits;
    }

    /**
     * The largest window, in bits (8-15, default 15), we ask the peer's compressor to use: a server
     * answers with {@code client_max_window_bits} of at most this when the client offered that
     * parameter (RFC 7692 forbids it otherwise, so a client that did not is still accepted); a
     * client offers {@code server_max_window_bits} with it when below 15.
     */
    public int peerMaxWindowBits() {
        return peerMaxWindowBits;
    }

    /**
     * Whether windows below 15 bits may be negotiated for our compressor. True by default exactly
     * when JZlib ({@code com.jcraft:jzlib}) is on the class path; when false, a server declines
     * offers that need such a window and a client does not offer {@code client_max_window_bits}.
     */
    public boolean smallWindows() {
        return smallWindows;
    }

    @Override
    public String toString() {
        return "DeflateSettings[enabled=" + enabled + ", compressionLevel=" + compressionLevel
                + ", noContextTakeover=" + noContextTakeover
                + ", requestPeerNoContextTakeover=" + requestPeerNoContextTakeover
                + ", maxWindowBits=" + maxWindowBits + ", peerMaxWindowBits=" + peerMaxWindowBits
                + ", smallWindows=" + smallWindows + "]";
    }

    /** Builds {@link DeflateSettings}. */
    public static final class Builder {
        private boolean enabled = true;
        private int compressionLevel = Deflater.DEFAULT_COMPRESSION;
        private boolean noContextTakeover;
        private boolean requestPeerNoContextTakeover;
        private int maxWindowBits = DeflateParameters.MAX_WINDOW_BITS;
        private int peerMaxWindowBits = DeflateParameters.MAX_WINDOW_BITS;
        private boolean smallWindows = Compressors.smallWindowsAvailable();

        private Builder() {
        }

        public Builder enabled(boolean on) {
            this.enabled = on;
            return this;
        }

        /** @throws IllegalArgumentException unless 0-9 or {@link Deflater#DEFAULT_COMPRESSION} */
        public Builder compressionLevel(int level) {
            if (level != Deflater.DEFAULT_COMPRESSION
                    && (level < Deflater.NO_COMPRESSION || level > Deflater.BEST_COMPRESSION)) {
                throw new IllegalArgumentException("compressionLevel must be 0-9 or -1 (default), was " + level);
            }
            this.compressionLevel = level;
            return this;
        }

        public Builder noContextTakeover(boolean on) {
            this.noContextTakeover = on;
            return this;
        }

        public Builder requestPeerNoContextTakeover(boolean on) {
            this.requestPeerNoContextTakeover = on;
            return this;
        }

        /** @throws IllegalArgumentException unless 8-15 */
        public Builder maxWindowBits(int bits) {
            this.maxWindowBits = windowBits("maxWindowBits", bits);
            return this;
        }

        /** @throws IllegalArgumentException unless 8-15 */
        public Builder peerMaxWindowBits(int bits) {
            this.peerMaxWindowBits = windowBits("peerMaxWindowBits", bits);
            return this;
        }

        /**
         * Whether windows below 15 bits may be negotiated for our compressor; false keeps to
         * java.util.zip even when JZlib is present.
         *
         * @throws IllegalArgumentException when true but JZlib is not on the class path
         */
        public Builder smallWindows(boolean on) {
            if (on && !Compressors.smallWindowsAvailable()) {
                throw new IllegalArgumentException("windows below 15 bits need JZlib (com.jcraft:jzlib) on the class path");
            }
            this.smallWindows = on;
            return this;
        }

        /**
         * @throws IllegalArgumentException when {@link #maxWindowBits} is below 15 without
         *                                  {@link #smallWindows}
         */
        public DeflateSettings build() {
            if (maxWindowBits < DeflateParameters.MAX_WINDOW_BITS && !smallWindows) {
                throw new IllegalArgumentException("maxWindowBits=" + maxWindowBits
                        + " needs windows below 15 bits: JZlib (com.jcraft:jzlib) on the class path");
            }
            return new DeflateSettings(this);
        }

        private static int windowBits(String what, int bits) {
            if (bits < DeflateParameters.MIN_WINDOW_BITS || bits > DeflateParameters.MAX_WINDOW_BITS) {
                throw new IllegalArgumentException(what + " must be 8-15, was " + bits);
            }
            return bits;
        }
    }
}
