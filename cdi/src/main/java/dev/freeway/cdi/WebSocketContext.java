package dev.freeway.cdi;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.spi.AlterableContext;
import jakarta.enterprise.context.spi.Contextual;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.websocket.Session;

import java.lang.annotation.Annotation;

/**
 * The context of {@link WebSocketSessionScoped}: active on a thread while it runs a callback of a
 * session, and then holding that session's beans. Entering and leaving nest, since one session's
 * callback can run inside another's (closing a session from a handler of another).
 *
 * <p>The thread-local is cleared whenever the outermost callback leaves, so pooled threads keep
 * nothing of a session (nor of the application) between callbacks.
 */
final class WebSocketContext implements AlterableContext {
    private final ThreadLocal<SessionBeans> current = new ThreadLocal<>();

    @Override
    public Class<? extends Annotation> getScope() {
        return WebSocketSessionScoped.class;
    }

    @Override
    public boolean isActive() {
        return current.get() != null;
    }

    @Override
    public <T> T get(Contextual<T> contextual, CreationalContext<T> creationalContext) {
        return active().get(contextual, creationalContext);
    }

    @Override
    public <T> T get(Contextual<T> contextual) {
        return active().get(contextual);
    }

    @Override
    public void destroy(Contextual<?> contextual) {
        active().destroy(contextual);
    }

    /** The session whose callback this thread runs, or {@code null}. */
    Session currentSession() {
        SessionBeans beans = current.get();
        return beans == null ? null : beans.session();
    }

    /** Makes {@code beans} current on this thread; returns what was, for {@link #leave}. */
    SessionBeans enter(SessionBeans beans) {
        SessionBeans previous = current.get();
        current.set(beans);
        return previous;
    }

    /** Restores what {@link #enter} returned. */
    void leave(SessionBeans previous) {
        if (previous == null) {
            current.remove();
        } else {
            current.set(previous);
        }
    }

    private SessionBeans active() {
        SessionBeans beans = current.get();
        if (beans == null) {
            throw new ContextNotActiveException("no WebSocket session is active on this thread: "
                    + "@WebSocketSessionScoped beans live inside endpoint callbacks and the beans they call");
        }
        return beans;
    }
}
