package dev.freeway.container.endpoint;

import dev.freeway.container.FreewayServerContainer;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

/**
 * What a host environment (CDI, a metrics library, a security layer) adds around the life of each
 * server session: told when it opens, wrapped around every call into application code, told when
 * it has closed. Installed with {@link FreewayServerContainer#addSessionInterceptor}; the container
 * itself knows nothing of what an interceptor does.
 *
 * <p>For one session the calls come in this order: {@link #opened} once, before the endpoint's
 * {@code onOpen}; {@link #around} for {@code onOpen}, each message-handler, frame-handler and
 * streaming-handler call (decoding included), each pong, {@code onError} and {@code onClose}, and the
 * release of the endpoint instance when an {@link EndpointFactory} made it; then {@link #closed}
 * once, whatever ended the session (a close handshake either way, a protocol or transport error, an
 * idle timeout, the container stopping). Callbacks of one session never overlap, but they may run on
 * different threads; {@code around} runs on the thread of the callback it wraps. A callback may
 * happen inside another (a handler that closes a session can run that session's {@code onClose}), so
 * {@code around} must cope with being re-entered.
 *
 * <p>Not wrapped: completion handlers and futures of asynchronous sends, which belong to the code
 * that sent, and the opening handshake's configurator calls, which run in the HTTP request.
 */
public interface SessionInterceptor {
    /** An interceptor that adds nothing. */
    SessionInterceptor NONE = (session, callback) -> callback.run();

    /** A call into application code. */
    @FunctionalInterface
    interface Callback {
        /** Makes the call; what it throws, {@code around} lets through. */
        void run() throws Exception;
    }

    /**
     * The session is open and its endpoint's {@code onOpen} comes next. What this throws is
     * logged and otherwise ignored.
     */
    default void opened(Session session) {
    }

    /**
     * Runs {@code callback}, one call into application code for {@code session}, and lets what it
     * throws pass unchanged (the session turns it into {@code onError} or a close). Must call
     * {@code callback} exactly once.
     */
    void around(Session session, Callback callback) throws Exception;

    /**
     * The session has closed: {@code onClose} has returned and the endpoint instance is released. The
     * last call for this session. What this throws is logged and otherwise ignored.
     *
     * @param reason what the endpoint's {@code onClose} was told
     */
    default void closed(Session session, CloseReason reason) {
    }
}
