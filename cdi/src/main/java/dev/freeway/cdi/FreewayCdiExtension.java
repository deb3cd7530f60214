package dev.freeway.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.websocket.Session;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The CDI portable extension of Freeway (registered in {@code META-INF/services}): adds the
 * {@link WebSocketSessionScoped} context and the {@code Session} bean behind
 * {@code @Inject Session}; holds the per-session bean stores; and when the application stops,
 * destroys whatever sessions still hold.
 *
 * <p>Applications do not use this class; it is public because CDI instantiates extensions.
 */
public class FreewayCdiExtension implements Extension {
    private static final System.Logger LOG = System.getLogger(FreewayCdiExtension.class.getName());

    private final WebSocketContext context = new WebSocketContext();
    private final Map<Session, SessionBeans> sessions = new ConcurrentHashMap<>();
    private final LiveEndpoints endpoints = new LiveEndpoints();
    private final List<Runnable> beforeEnd = new CopyOnWriteArrayList<>();
    private final AtomicBoolean ending = new AtomicBoolean();
    private volatile boolean shutDown;

    /** For CDI's service loader. */
    public FreewayCdiExtension() {
    }

    void addContextAndSession(@Observes AfterBeanDiscovery event) {
        event.addContext(context);
        CurrentSession current = new CurrentSession(context);
        event.addBean()
                .beanClass(CurrentSession.class)
                .types(Session.class, Object.class)
                .scope(Dependent.class)
                .createWith(creational -> current);
    }

    /**
     * The application is stopping and CDI with it: sessions still open (their container has not
     * closed them yet, or will only after CDI is gone) lose their endpoint instances and their beans
     * now, while the application's beans, which their {@code @PreDestroy} methods may use, still exist.
     */
    void applicationEnding(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
        endAll();
    }

    /** The last word, for a CDI container that did not announce the end of the application context. */
    void shutdown(@Observes BeforeShutdown event) {
        endAll();
    }

    private void endAll() {
        if (ending.compareAndSet(false, true)) {
            for (Runnable r : beforeEnd) {
                try {
                    r.run();
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "closing WebSocket sessions as CDI stops failed", e);
                }
            }
        }
        shutDown = true;
        int open = sessions.size();
        endpoints.releaseAll();
        for (Session s : sessions.keySet()) {
            end(s);
        }
        if (open > 0) {
            LOG.log(System.Logger.Level.DEBUG, "CDI stopped with {0} WebSocket session(s) open; their beans are destroyed", open);
        }
    }

    /**
     * Runs {@code action} when CDI starts to stop, while beans still work: the Freeway container
     * closes its sessions there, so their {@code @OnClose} runs with CDI even when the Servlet
     * container stops CDI before Freeway (listeners stop in the reverse order of the initializers,
     * which nothing orders).
     */
    void beforeEnd(Runnable action) {
        beforeEnd.add(action);
    }

    WebSocketContext context() {
        return context;
    }

    LiveEndpoints endpoints() {
        return endpoints;
    }

    boolean isShutDown() {
        return shutDown;
    }

    /** Starts the bean store of a session that opened; none once CDI is stopping. */
    void begin(Session session) {
        if (!shutDown) {
            sessions.put(session, new SessionBeans(session));
        }
    }

    /** The bean store of an open session, or {@code null}. */
    SessionBeans beans(Session session) {
        return sessions.get(session);
    }

    /** Destroys the beans of a session that closed. */
    void end(Session session) {
        SessionBeans beans = sessions.remove(session);
        if (beans != null) {
            beans.end();
        }
    }
}
