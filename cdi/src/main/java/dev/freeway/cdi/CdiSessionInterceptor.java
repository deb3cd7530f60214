package dev.freeway.cdi;

import dev.freeway.container.endpoint.SessionInterceptor;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

/**
 * Puts every callback of a session inside CDI: the session's {@link WebSocketSessionScoped} context
 * and a fresh request context are active while it runs. Starts the session's bean store and fires
 * {@link SessionOpened} when it opens; fires {@link SessionClosed} and destroys the store when it
 * has closed. Without CDI (none found, or shut down) callbacks simply run.
 */
final class CdiSessionInterceptor implements SessionInterceptor {
    private static final System.Logger LOG = System.getLogger(CdiSessionInterceptor.class.getName());

    private final CdiBridge bridge;

    CdiSessionInterceptor(CdiBridge bridge) {
        this.bridge = bridge;
    }

    @Override
    public void opened(Session session) {
        CdiRuntime cdi = live();
        if (cdi == null) {
            return;
        }
        cdi.extension().begin(session);
        fire(cdi, session, new SessionOpened(session));
    }

    @Override
    public void around(Session session, Callback callback) throws Exception {
        CdiRuntime cdi = live();
        if (cdi == null) {
            callback.run();
        } else {
            within(cdi, session, callback);
        }
    }

    @Override
    public void closed(Session session, CloseReason reason) {
        CdiRuntime cdi = live();
        if (cdi == null) {
            return;
        }
        try {
            fire(cdi, session, new SessionClosed(session, reason));
        } finally {
            cdi.extension().end(session);
        }
    }

    /** CDI, unless there is none or it has shut down (the application is stopping). */
    private CdiRuntime live() {
        CdiRuntime cdi = bridge.runtime();
        return cdi == null || cdi.extension().isShutDown() ? null : cdi;
    }

    private static void within(CdiRuntime cdi, Session session, Callback callback) throws Exception {
        SessionBeans beans = cdi.extension().beans(session);
        if (beans == null) { // not opened through us, or already ended: the request context still helps
            cdi.requestContexts().run(callback);
            return;
        }
        WebSocketContext context = cdi.extension().context();
        SessionBeans previous = context.enter(beans);
        try {
            cdi.requestContexts().run(callback);
        } finally {
            context.leave(previous);
        }
    }

    /** Fires a lifecycle event in the session's contexts; an observer's failure is logged, not spread. */
    private static void fire(CdiRuntime cdi, Session session, Object event) {
        try {
            within(cdi, session, () -> cdi.beanManager().getEvent().fire(event));
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "an observer of " + event.getClass().getSimpleName()
                    + " for WebSocket session " + session.getId() + " failed", e);
        }
    }
}
