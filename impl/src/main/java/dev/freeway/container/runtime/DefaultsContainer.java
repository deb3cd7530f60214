package dev.freeway.container.runtime;

import dev.freeway.container.ContainerDefaults;
import jakarta.websocket.WebSocketContainer;

/**
 * The part of a {@link WebSocketContainer} both Freeway containers share: the session defaults
 * and their getters and setters. A change applies to sessions opened afterwards.
 */
public abstract class DefaultsContainer implements WebSocketContainer {
    private volatile ContainerDefaults defaults;

    protected DefaultsContainer(ContainerDefaults defaults) {
        this.defaults = defaults;
    }

    /** The session defaults currently in force. */
    public ContainerDefaults defaults() {
        return defaults;
    }

    @Override
    public long getDefaultAsyncSendTimeout() {
        return defaults.asyncSendTimeoutMillis();
    }

    @Override
    public void setAsyncSendTimeout(long timeoutmillis) {
        defaults = defaults.withAsyncSendTimeoutMillis(timeoutmillis);
    }

    @Override
    public long getDefaultMaxSessionIdleTimeout() {
        return defaults.maxIdleTimeoutMillis();
    }

    @Override
    public void setDefaultMaxSessionIdleTimeout(long timeout) {
        defaults = defaults.withMaxIdleTimeoutMillis(timeout);
    }

    @Override
    public int getDefaultMaxBinaryMessageBufferSize() {
        return defaults.maxBinaryMessageBufferSize();
    }

    @Override
    public void setDefaultMaxBinaryMessageBufferSize(int max) {
        defaults = defaults.withMaxBinaryMessageBufferSize(max);
    }

    @Override
    public int getDefaultMaxTextMessageBufferSize() {
        return defaults.maxTextMessageBufferSize();
    }

    @Override
    public void setDefaultMaxTextMessageBufferSize(int max) {
        defaults = defaults.withMaxTextMessageBufferSize(max);
    }
}
