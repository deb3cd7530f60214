package dev.freeway.bridge.server;

/**
 * The limits of a bridge, each checked when set.
 *
 * @param connectTimeoutMillis how long a TCP connect may take before the WebSocket is closed with
 *                             1014 (at least 1)
 * @param bufferSize           bytes read from TCP at a time; also the most the bridge holds for
 *                             one connection in each direction (1 KiB to 16 MiB)
 * @param idleTimeoutMillis    no bytes either way for this long closes both sides with 1001; -1
 *                             takes the session's {@code maxIdleTimeout} (the container's
 *                             default), 0 never
 * @param writeTimeoutMillis   bytes for the TCP service that it has taken none of for this long
 *                             close both sides with 1014 (the other way, the session's send
 *                             timeout does the same); 0 never
 * @param socketBufferSize     SO_RCVBUF and SO_SNDBUF of the TCP socket; 0 leaves the system's
 * @param maxConnections       bridged connections open at once; more are closed with 1013
 */
public record BridgeSettings(long connectTimeoutMillis, int bufferSize, long idleTimeoutMillis, long writeTimeoutMillis,
        int socketBufferSize, int maxConnections) {
    /** The smallest {@code bufferSize}. */
    public static final int MIN_BUFFER = 1024;
    /** The largest {@code bufferSize}. */
    public static final int MAX_BUFFER = 16 * 1024 * 1024;

    /** Checks every limit. */
    public BridgeSettings {
        if (connectTimeoutMillis < 1) {
            throw new IllegalArgumentException("connectTimeoutMillis must be at least 1, not " + connectTimeoutMillis);
        }
        if (bufferSize < MIN_BUFFER || bufferSize > MAX_BUFFER) {
            throw new IllegalArgumentException("bufferSize must be " + MIN_BUFFER + " to " + MAX_BUFFER + ", not " + bufferSize);
        }
        if (idleTimeoutMillis < -1) {
            throw new IllegalArgumentException("idleTimeoutMillis must be -1, 0 or positive, not " + idleTimeoutMillis);
        }
        if (writeTimeoutMillis < 0) {
            throw new IllegalArgumentException("writeTimeoutMillis must be 0 or positive, not " + writeTimeoutMillis);
        }
        if (socketBufferSize < 0) {
            throw new IllegalArgumentException("socketBufferSize must be 0 or positive, not " + socketBufferSize);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, not " + maxConnections);
        }
    }

    /**
     * 10 s to connect, 64 KiB buffers, the session's idle timeout, 30 s for a stalled write
     * (as Freeway's send timeout), the system's socket buffers, 1024 connections.
     */
    public static BridgeSettings defaults() {
        return new BridgeSettings(10_000, 64 * 1024, -1, 30_000, 0, 1024);
    }

    /** These settings with another connect timeout. */
    public BridgeSettings withConnectTimeoutMillis(long millis) {
        return new BridgeSettings(millis, bufferSize, idleTimeoutMillis, writeTimeoutMillis, socketBufferSize, maxConnections);
    }

    /** These settings with another buffer size. */
    public BridgeSettings withBufferSize(int bytes) {
        return new BridgeSettings(connectTimeoutMillis, bytes, idleTimeoutMillis, writeTimeoutMillis, socketBufferSize,
                maxConnections);
    }

    /** These settings with another idle timeout. */
    public BridgeSettings withIdleTimeoutMillis(long millis) {
        return new BridgeSettings(connectTimeoutMillis, bufferSize, millis, writeTimeoutMillis, socketBufferSize, maxConnections);
    }

    /** These settings with another write timeout. */
    public BridgeSettings withWriteTimeoutMillis(long millis) {
        return new BridgeSettings(connectTimeoutMillis, bufferSize, idleTimeoutMillis, millis, socketBufferSize, maxConnections);
    }

    /** These settings with other TCP socket buffers. */
    public BridgeSettings withSocketBufferSize(int bytes) {
        return new BridgeSettings(connectTimeoutMillis, bufferSize, idleTimeoutMillis, writeTimeoutMillis, bytes, maxConnections);
    }

    /** These settings with another connection limit. */
    public BridgeSettings withMaxConnections(int connections) {
        return new BridgeSettings(connectTimeoutMillis, bufferSize, idleTimeoutMillis, writeTimeoutMillis, socketBufferSize,
                connections);
    }
}
