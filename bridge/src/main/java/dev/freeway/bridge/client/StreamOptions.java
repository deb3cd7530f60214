package dev.freeway.bridge.client;

/**
 * The limits of a {@link WebSocketStream}.
 *
 * @param inboundLimit      bytes received and not yet read before the stream stops reading the
 *                          network (at least 1 KiB); the server's TCP window does the rest
 * @param maxMessageSize    the largest message one write sends (1 KiB to 16 MiB); longer writes
 *                          go as several messages
 * @param readTimeoutMillis how long a read waits for bytes; 0 forever
 */
public record StreamOptions(long inboundLimit, int maxMessageSize, long readTimeoutMillis) {
    /** Checks every limit. */
    public StreamOptions {
        if (inboundLimit < 1024) {
            throw new IllegalArgumentException("inboundLimit must be at least 1024, not " + inboundLimit);
        }
        if (maxMessageSize < 1024 || maxMessageSize > 16 * 1024 * 1024) {
            throw new IllegalArgumentException("maxMessageSize must be 1 KiB to 16 MiB, not " + maxMessageSize);
        }
        if (readTimeoutMillis < 0) {
            throw new IllegalArgumentException("readTimeoutMillis must be 0 or positive, not " + readTimeoutMillis);
        }
    }

    /** 256 KiB held at most, 64 KiB messages, reads that wait forever. */
    public static StreamOptions defaults() {
        return new StreamOptions(256 * 1024, 64 * 1024, 0);
    }

    /** These options with another inbound limit. */
    public StreamOptions withInboundLimit(long bytes) {
        return new StreamOptions(bytes, maxMessageSize, readTimeoutMillis);
    }

    /** These options with another message size. */
    public StreamOptions withMaxMessageSize(int bytes) {
        return new StreamOptions(inboundLimit, bytes, readTimeoutMillis);
    }

    /** These options with another read timeout. */
    public StreamOptions withReadTimeoutMillis(long millis) {
        return new StreamOptions(inboundLimit, maxMessageSize, millis);
    }
}
