package dev.freeway.cdi;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.spi.Contextual;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.websocket.Session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link WebSocketSessionScoped} instances of one session. Callbacks of a session do not
 * overlap, but they may move between threads and beans may be used from a thread the application
 * started, so access is synchronized; the monitor is re-entrant, as it must be while a bean's
 * creation uses another bean of the same scope.
 */
final class SessionBeans {
    private static final System.Logger LOG = System.getLogger(SessionBeans.class.getName());

    private final Session session;
    /** In creation order, so they can be destroyed in reverse. */
    private final Map<Contextual<?>, Created<?>> beans = new LinkedHashMap<>();
    private boolean ended;

    SessionBeans(Session session) {
        this.session = session;
    }

    Session session() {
        return session;
    }

    synchronized <T> T get(Contextual<T> bean, CreationalContext<T> creational) {
        T existing = get(bean);
        if (existing != null || creational == null) {
            return existing;
        }
        T instance = bean.create(creational);
        beans.put(bean, new Created<>(bean, instance, creational));
        return instance;
    }

    @SuppressWarnings("unchecked")
    synchronized <T> T get(Contextual<T> bean) {
        if (ended) {
            throw new ContextNotActiveException("WebSocket session " + session.getId()
                    + " has closed: its @WebSocketSessionScoped beans are gone");
        }
        Created<?> created = beans.get(bean);
        return created == null ? null : (T) created.instance;
    }

    void destroy(Contextual<?> bean) {
        Created<?> created;
        synchronized (this) {
            created = beans.remove(bean);
        }
        if (created != null) {
            created.destroy();
        }
    }

    /** Destroys every instance, newest first; no more are created. Runs once, later calls do nothing. */
    void end() {
        List<Created<?>> all;
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            all = new ArrayList<>(beans.values());
            beans.clear();
        }
        for (int i = all.size() - 1; i >= 0; i--) {
            try {
                all.get(i).destroy();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "destroying a @WebSocketSessionScoped bean of session "
                        + session.getId() + " failed", e);
            }
        }
    }

    private static final class Created<T> {
        private final Contextual<T> bean;
        private final T instance;
        private final CreationalContext<T> creational;

        Created(Contextual<T> bean, T instance, CreationalContext<T> creational) {
            this.bean = bean;
            this.instance = instance;
            this.creational = creational;
        }

        void destroy() {
            bean.destroy(instance, creational);
        }
    }
}
