package dev.freeway.engine;

import java.util.zip.Deflater;

/**
 * What this endpoint wants from permessage-deflate (RFC 7692): whether to negotiate it at all, how
 * hard to compress, and which context-takeover restrictions to ask for. Immutable; build with
 * {@link #builder()}.
 *
 * <p>There are no window-size settings: {@code java.util.zip.Deflater} always compresses with a
 * 32 KiB window and {@code java.util.zip.Inflater} always reserves one, so a smaller window would
 * save nothing (see {@link PerMessageDeflate} for how offers that need one are handled). A peer's
 * request that we drop our compression context is always honoured, since it only costs us
 * compression ratio.
 */
public final class DeflateSettings {
    private final boolean enabled;
    private final int compressionLevel;
    private final boolean noContextTakeover;
    private final boolean requestPeerNoContextTakeover;

    private DeflateSettings(Builder b) {
        this.enabled = b.enabled;
        this.compressionLevel = b.compressionLevel;
        this.noContextTakeover = b.noContextTakeover;
        this.requestPeerNoContextTakeover = b.requestPeerNoContextTakeover;
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
                .requestPeerNoContextTakeover(requestPeerNoContextTakeover);
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

    @Override
    public String toString() {
        return "DeflateSettings[enabled=" + enabled + ", compressionLevel=" + compressionLevel
                + ", noContextTakeover=" + noContextTakeover
                + ", requestPeerNoContextTakeover=" + requestPeerNoContextTakeover + "]";
    }

    /** Builds {@link DeflateSettings}. */
    public static final class Builder {
        private boolean enabled = true;
        private int compressionLevel = Deflater.DEFAULT_COMPRESSION;
        private boolean noContextTakeover;
        private boolean requestPeerNoContextTakeover;

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

        public DeflateSettings build() {
            return new DeflateSettings(this);
        }
    }
}
