package dev.freeway.container.runtime;

import dev.freeway.container.ContainerDefaults;

import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The limits and timeouts of one session, starting from its container's defaults and changeable
 * through the {@link jakarta.websocket.Session} setters; plus the container's shared threads.
 */
public final class SessionSettings {
    private final ContainerResources resources;
    private volatile int maxTextMessageBufferSize;
    private volatile int maxBinaryMessageBufferSize;
    private volatile long maxIdleTimeoutMillis;
    private volatile long sendTimeoutMillis;
    private final long maxOutboundBytes;
    private final long closeTimeoutMillis;
    private final long pingIntervalMillis;
    private final long pongTimeoutMillis;

    public SessionSettings(ContainerDefaults defaults, ContainerResources resources) {
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

    public int maxTextMessageBufferSize() {
        return maxTextMessageBufferSize;
    }

    public void maxTextMessageBufferSize(int bytes) {
        maxTextMessageBufferSize = positive("maxTextMessageBufferSize", bytes);
    }

    public int maxBinaryMessageBufferSize() {
        return maxBinaryMessageBufferSize;
    }

    public void maxBinaryMessageBufferSize(int bytes) {
        maxBinaryMessageBufferSize = positive("maxBinaryMessageBufferSize", bytes);
    }

    public long maxIdleTimeoutMillis() {
        return maxIdleTimeoutMillis;
    }

    public void maxIdleTimeoutMillis(long millis) {
        maxIdleTimeoutMillis = millis;
    }

    /** The send timeout for blocking and asynchronous sends; 0 or less for none. */
    public long sendTimeoutMillis() {
        return sendTimeoutMillis;
    }

    public void sendTimeoutMillis(long millis) {
        sendTimeoutMillis = millis;
    }

    public long maxOutboundBytes() {
        return maxOutboundBytes;
    }

    public long closeTimeoutMillis() {
        return closeTimeoutMillis;
    }

    /** Silence before a heartbeat ping; 0 for none. */
    public long pingIntervalMillis() {
        return pingIntervalMillis;
    }

    public long pongTimeoutMillis() {
        return pongTimeoutMillis;
    }

    public Executor executor() {
        return resources.executor();
    }

    public ScheduledExecutorService scheduler() {
        return resources.scheduler();
    }

    public ContainerResources resources() {
        return resources;
    }

    // ContainerDefaults checks its own fields the same way; its check stays package-private so the
    // public record gains no helper method.
    private static int positive(String what, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive, was " + value);
        }
        return value;
    }
}
