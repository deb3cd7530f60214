package dev.freeway.container.endpoint;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.util.List;

/**
 * Several {@link SessionInterceptor}s acting as one, nested in the order they were added: the first
 * is told of an opening first, wraps the others' {@code around}, and is told of the close last.
 */
public final class SessionInterceptors implements SessionInterceptor {
    private static final System.Logger LOG = System.getLogger(SessionInterceptors.class.getName());

    private final List<SessionInterceptor> all;

    private SessionInterceptors(List<SessionInterceptor> all) {
        this.all = all;
    }

    /** {@code current} with {@code added} inside it. */
    public static SessionInterceptor add(SessionInterceptor current, SessionInterceptor added) {
        if (current == NONE) {
            return added;
        }
        List<SessionInterceptor> list = new java.util.ArrayList<>();
        if (current instanceof SessionInterceptors) {
            list.addAll(((SessionInterceptors) current).all);
        } else {
            list.add(current);
        }
        list.add(added);
        return new SessionInterceptors(List.copyOf(list));
    }

    @Override
    public void opened(Session session) {
        for (SessionInterceptor i : all) {
            opened(i, session);
        }
    }

    @Override
    public void around(Session session, Callback callback) throws Exception {
        around(0, session, callback);
    }

    private void around(int index, Session session, Callback callback) throws Exception {
        if (index == all.size()) {
            callback.run();
        } else {
            all.get(index).around(session, () -> around(index + 1, session, callback));
        }
    }

    @Override
    public void closed(Session session, CloseReason reason) {
        for (int i = all.size() - 1; i >= 0; i--) {
            closed(all.get(i), session, reason);
        }
    }

    /** Tells one interceptor of an opening; a failure there must not keep the session from opening. */
    public static void opened(SessionInterceptor interceptor, Session session) {
        try {
            interceptor.opened(session);
        } catch (RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.WARNING, "session interceptor " + interceptor.getClass().getName()
                    + " failed when session " + session.getId() + " opened", e);
        }
    }

    /** Tells one interceptor of a close; a failure there must not keep the others from hearing of it. */
    public static void closed(SessionInterceptor interceptor, Session session, CloseReason reason) {
        try {
            interceptor.closed(session, reason);
        } catch (RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.WARNING, "session interceptor " + interceptor.getClass().getName()
                    + " failed when session " + session.getId() + " closed", e);
        }
    }
}
