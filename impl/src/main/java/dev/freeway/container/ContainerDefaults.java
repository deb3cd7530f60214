package dev.freeway.container;

/**
 * The defaults a container gives its sessions. Immutable; start from {@link #standard()} and change
 * them with the {@code with...} methods.
 *
 * @param maxTextMessageBufferSize   largest text message buffered whole, in bytes of UTF-8 (1009 beyond)
 * @param maxBinaryMessageBufferSize largest binary message buffered whole (1009 beyond)
 * @param maxIdleTimeoutMillis       a session with no traffic for this long is closed; 0 for never
 * @param asyncSendTimeoutMillis     a send not written within this time fails and drops the connection; 0 for never
 * @param maxOutboundBytes           bytes a session may have waiting for a slow peer before sends wait or are refused
 * @param closeTimeoutMillis         how long to wait for the peer's close frame (or for it to drop the connection)
 * @param pingIntervalMillis         a peer heard nothing from for this long is sent a ping; 0 for no heartbeat
 * @param pongTimeoutMillis          a peer that sends nothing (no pong) within this long of a ping is closed as dead
 * @param shutdownTimeoutMillis      how long a container that is closing (undeployed, its server stopping) waits for
 *                                   its peers to answer the 1001 it sent them before it drops their connections and
 *                                   stops its threads: the bound of the whole drain, whatever the close timeout
 */
public record ContainerDefaults(int maxTextMessageBufferSize, int maxBinaryMessageBufferSize, long maxIdleTimeoutMillis,
                                long asyncSendTimeoutMillis, long maxOutboundBytes, long closeTimeoutMillis,
                                long pingIntervalMillis, long pongTimeoutMillis, long shutdownTimeoutMillis) {

    public ContainerDefaults {
        positive("maxTextMessageBufferSize", maxTextMessageBufferSize);
        positive("maxBinaryMessageBufferSize", maxBinaryMessageBufferSize);
        if (maxOutboundBytes <= 0 || closeTimeoutMillis <= 0) {
            throw new IllegalArgumentException("maxOutboundBytes and closeTimeoutMillis must be positive");
        }
        if (pingIntervalMillis < 0 || pongTimeoutMillis <= 0) {
            throw new IllegalArgumentException("pingIntervalMillis must be 0 or more and pongTimeoutMillis positive, were "
                    + pingIntervalMillis + " and " + pongTimeoutMillis);
        }
        if (shutdownTimeoutMillis < 0) {
            throw new IllegalArgumentException("shutdownTimeoutMillis must be 0 or more, was " + shutdownTimeoutMillis);
        }
    }

    /**
     * 64 KiB text and binary buffers, no idle timeout, a 30 s send timeout, 4 MiB outbound, 5 s
     * to finish a close, a ping after 30 s of silence and 10 s for the peer to answer it, 2 s for
     * the peers to answer a container that shuts down.
     */
    public static ContainerDefaults standard() {
        return new ContainerDefaults(64 * 1024, 64 * 1024, 0, 30_000, 4L * 1024 * 1024, 5_000, 30_000, 10_000, 2_000);
    }

    public ContainerDefaults withMaxTextMessageBufferSize(int bytes) {
        return new ContainerDefaults(bytes, maxBinaryMessageBufferSize, maxIdleTimeoutMillis, asyncSendTimeoutMillis,
                maxOutboundBytes, closeTimeoutMillis, pingIntervalMillis, pongTimeoutMillis, shutdownTimeoutMillis);
    }

    public ContainerDefaults withMaxBinaryMessageBufferSize(int bytes) {
        return new ContainerDefaults(maxTextMessageBufferSize, bytes, maxIdleTimeoutMillis, asyncSendTimeoutMillis,
                maxOutboundBytes, closeTimeoutMillis, pingIntervalMillis, pongTimeoutMillis, shutdownTimeoutMillis);
    }

    public ContainerDefaults withMaxIdleTimeoutMillis(long millis) {
        return new ContainerDefaults(maxTextMessageBufferSize, maxBinaryMessageBufferSize, millis, asyncSendTimeoutMillis,
                maxOutboundBytes, closeTimeoutMillis, pingIntervalMillis, pongTimeoutMillis, shutdownTimeoutMillis);
    }

    public ContainerDefaults withAsyncSendTimeoutMillis(long millis) {
        return new ContainerDefaults(maxTextMessageBufferSize, maxBinaryMessageBufferSize, maxIdleTimeoutMillis, millis,
                maxOutboundBytes, closeTimeoutMillis, pingIntervalMillis, pongTimeoutMillis, shutdownTimeoutMillis);
    }

    public ContainerDefaults withMaxOutboundBytes(long bytes) {
        return new ContainerDefaults(maxTextMessageBufferSize, maxBinaryMessageBufferSize, maxIdleTimeoutMillis,
                asyncSendTimeoutMillis, bytes, closeTimeoutMillis, pingIntervalMillis, pongTimeoutMillis, shutdownTimeoutMillis);
    }

    public ContainerDefaults withCloseTimeoutMillis(long millis) {
        return new ContainerDefaults(maxTextMessageBufferSize, maxBinaryMessageBufferSize, maxIdleTimeoutMillis,
                asyncSendTimeoutMillis, maxOutboundBytes, millis, pingIntervalMillis, pongTimeoutMillis, shutdownTimeoutMillis);
    }

    public ContainerDefaults withPingIntervalMillis(long millis) {
        return new ContainerDefaults(maxTextMessageBufferSize, maxBinaryMessageBufferSize, maxIdleTimeoutMillis,
                asyncSendTimeoutMillis, maxOutboundBytes, closeTimeoutMillis, millis, pongTimeoutMillis, shutdownTimeoutMillis);
    }

    public ContainerDefaults withPongTimeoutMillis(long millis) {
        return new ContainerDefaults(maxTextMessageBufferSize, maxBinaryMessageBufferSize, maxIdleTimeoutMillis,
                asyncSendTimeoutMillis, maxOutboundBytes, closeTimeoutMillis, pingIntervalMillis, millis, shutdownTimeoutMillis);
    }

    public ContainerDefaults withShutdownTimeoutMillis(long millis) {
        return new ContainerDefaults(maxTextMessageBufferSize, maxBinaryMessageBufferSize, maxIdleTimeoutMillis,
                asyncSendTimeoutMillis, maxOutboundBytes, closeTimeoutMillis, pingIntervalMillis, pongTimeoutMillis, millis);
    }

    static int positive(String what, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive, was " + value);
        }
        return value;
    }
}
