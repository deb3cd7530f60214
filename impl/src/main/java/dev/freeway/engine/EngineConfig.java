package dev.freeway.engine;

/**
 * The settings of a {@link Connection}. Immutable; build with {@link #builder()}.
 *
 * <p>The engine never buffers data frames, so its limits bound what the peer may declare, not
 * memory the engine would use: a frame or message over a limit is refused from its header (close
 * 1009) before any of its payload is read. Layers that buffer whole messages set limits here to
 * match.
 */
public final class EngineConfig {
    private final long maxFrameSize;
    private final long maxMessageSize;
    private final boolean autoPong;
    private final boolean autoCloseReply;
    private final int allowedRsv;
    private final boolean allowReservedOpcodes;
    private final int maxHandshakeSize;
    private final int inflateChunkSize;

    private EngineConfig(Builder b) {
        this.maxFrameSize = b.maxFrameSize;
        this.maxMessageSize = b.maxMessageSize;
        this.autoPong = b.autoPong;
        this.autoCloseReply = b.autoCloseReply;
        this.allowedRsv = b.allowedRsv;
        this.allowReservedOpcodes = b.allowReservedOpcodes;
        this.maxHandshakeSize = b.maxHandshakeSize;
        this.inflateChunkSize = b.inflateChunkSize;
    }

    /** The defaults: no size limits, automatic pong and close reply, strict RSV/opcode checks. */
    public static EngineConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .maxFrameSize(maxFrameSize)
                .maxMessageSize(maxMessageSize)
                .autoPong(autoPong)
                .autoCloseReply(autoCloseReply)
                .allowedRsv(allowedRsv)
                .allowReservedOpcodes(allowReservedOpcodes)
                .maxHandshakeSize(maxHandshakeSize)
                .inflateChunkSize(inflateChunkSize);
    }

    /** Largest payload a received data frame may declare; larger gets close 1009. */
    public long maxFrameSize() {
        return maxFrameSize;
    }

    /**
     * Largest received message, summed over its frames (and, under permessage-deflate, counted
     * after inflation); larger gets close 1009. {@code Long.MAX_VALUE}, the default, means no
     * limit at all: a message of many frames may then run past 2^63-1 bytes.
     */
    public long maxMessageSize() {
        return maxMessageSize;
    }

    /** Whether a received ping is answered with a pong by the engine (see {@link Connection#pendingOutput()}). */
    public boolean autoPong() {
        return autoPong;
    }

    /** Whether a received close frame is answered by the engine (see {@link Connection#pendingOutput()}). */
    public boolean autoCloseReply() {
        return autoCloseReply;
    }

    /**
     * RSV bits (RSV1 = 4, RSV2 = 2, RSV3 = 1) that received frames may carry beyond those an
     * extension negotiated. 0 by default: any unexpected bit fails the connection with 1002.
     */
    public int allowedRsv() {
        return allowedRsv;
    }

    /** Whether frames with reserved opcodes are delivered instead of failing the connection. */
    public boolean allowReservedOpcodes() {
        return allowReservedOpcodes;
    }

    /** Largest HTTP handshake head (request or response line and headers) accepted, in bytes. */
    public int maxHandshakeSize() {
        return maxHandshakeSize;
    }

    /** Size of the buffer inflated data is delivered from, under permessage-deflate. */
    public int inflateChunkSize() {
        return inflateChunkSize;
    }

    /** Builds an {@link EngineConfig}. */
    public static final class Builder {
        private long maxFrameSize = Long.MAX_VALUE;
        private long maxMessageSize = Long.MAX_VALUE;
        private boolean autoPong = true;
        private boolean autoCloseReply = true;
        private int allowedRsv;
        private boolean allowReservedOpcodes;
        private int maxHandshakeSize = 16 * 1024;
        private int inflateChunkSize = 16 * 1024;

        private Builder() {
        }

        public Builder maxFrameSize(long bytes) {
            this.maxFrameSize = positive("maxFrameSize", bytes);
            return this;
        }

        public Builder maxMessageSize(long bytes) {
            this.maxMessageSize = positive("maxMessageSize", bytes);
            return this;
        }

        public Builder autoPong(boolean on) {
            this.autoPong = on;
            return this;
        }

        public Builder autoCloseReply(boolean on) {
            this.autoCloseReply = on;
            return this;
        }

        public Builder allowedRsv(int bits) {
            if (bits < 0 || bits > 7) {
                throw new IllegalArgumentException("allowedRsv must be 0-7, was " + bits);
            }
            this.allowedRsv = bits;
            return this;
        }

        public Builder allowReservedOpcodes(boolean on) {
            this.allowReservedOpcodes = on;
            return this;
        }

        public Builder maxHandshakeSize(int bytes) {
            this.maxHandshakeSize = (int) positive("maxHandshakeSize", bytes);
            return this;
        }

        public Builder inflateChunkSize(int bytes) {
            if (bytes < 64) {
                throw new IllegalArgumentException("inflateChunkSize must be at least 64, was " + bytes);
            }
            this.inflateChunkSize = bytes;
            return this;
        }

        public EngineConfig build() {
            return new EngineConfig(this);
        }

        private static long positive(String what, long value) {
            if (value <= 0) {
                throw new IllegalArgumentException(what + " must be positive, was " + value);
            }
            return value;
        }
    }
}
