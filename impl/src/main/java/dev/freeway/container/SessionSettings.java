package dev.freeway.container;

import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The limits and timeouts of one session, starting from its container's defaults and changeable
 * through the {@link jakarta.websocket.Session} setters; plus the container's shared threads.
 */
final class SessionSettings {
    private final ContainerResources resources;
    private volatile int maxTextMessageBufferSize;
    private volatile int maxBinaryMessageBufferSize;
    private volatile long maxIdleTimeoutMillis;
    private volatile long sendTimeoutMillis;
    private final long maxOutboundBytes;
    private final long closeTimeoutMillis;
    private final long pingIntervalMillis;
    private final long pongTimeoutMillis;

    SessionSettings(ContainerDefaults defaults, ContainerResources resources) {
        this.resources = resources;
        this.maxTextMessageBufferSize = defaults.maxTextMessageBufferSize();
        this.maxBinaryMessageBufferSize = defaults.maxBinaryMessageBufferSize();
        this.maxIdleTimeoutMillis = defaults.maxIdleTimeoutMillis();
        this.sendTimeoutMillis = defaults.asyncSendTimeoutMillis();
        this.maxOutboundBytes = defaults.maxOutboundBytes();
        this.closeTimeoutMillis = defaults.closeTimeoutMillis();
        this.pingIntervalMillis = defaults.pingIntervalMillis();
        this.pongTimeoutMillis = defaults.pongTimeoutMillis();
    }

    int maxTextMessageBufferSize() {
        return maxTextMessageBufferSize;
    }

    void maxTextMessageBufferSize(int bytes) {
        maxTextMessageBufferSize = ContainerDefaults.positive("maxTextMessageBufferSize", bytes);
    }

    int maxBinaryMessageBufferSize() {
        return maxBinaryMessageBufferSize;
    }

    void maxBinaryMessageBufferSize(int bytes) {
        maxBinaryMessageBufferSize = ContainerDefaults.positive("maxBinaryMessageBufferSize", bytes);
    }

    long maxIdleTimeoutMillis() {
        return maxIdleTimeoutMillis;
    }

    void maxIdleTimeoutMillis(long millis) {
        maxIdleTimeoutMillis = millis;
    }

    /** The send timeout for blocking and asynchronous sends; 0 or less for none. */
    long sendTimeoutMillis() {
        return sendTimeoutMillis;
    }

    void sendTimeoutMillis(long millis) {
        sendTimeoutMillis = millis;
    }

    long maxOutboundBytes() {
        return maxOutboundBytes;
    }

    long closeTimeoutMillis() {
        return closeTimeoutMillis;
    }

    /** Silence before a heartbeat ping; 0 for none. */
    long pingIntervalMillis() {
        return pingIntervalMillis;
    }

    long pongTimeoutMillis() {
        return pongTimeoutMillis;
    }

    Executor executor() {
        return resources.executor();
    }

    ScheduledExecutorService scheduler() {
        return resources.scheduler();
    }

    ContainerResources resources() {
        return resources;
    }
}
