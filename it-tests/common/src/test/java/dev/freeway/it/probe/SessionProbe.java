package dev.freeway.it.probe;

import jakarta.servlet.ServletContext;
import jakarta.websocket.CloseReason;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records, per deployment, what happened to the sessions of the endpoints that report to it, so
 * that a test can see server-side effects through {@link ProbeServlet}: how many sessions opened
 * and closed, which are still open, with which code each closed, and free-form events (a send that
 * failed, a stream that broke).
 *
 * <p>One instance per web application, kept as a {@link ServletContext} attribute and handed to
 * endpoints through their config's user properties, so there is no static state and two
 * deployments never see each other's sessions.
 */
public final class SessionProbe {

    /** The ServletContext attribute and user-property key under which the probe is found. */
    public static final String KEY = SessionProbe.class.getName();

    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();
    private final Set<Session> open = ConcurrentHashMap.newKeySet();
    private final Queue<String> events = new ConcurrentLinkedQueue<>();

    /**
     * Returns the application's probe, creating it on first use.
     *
     * @param context the web application
     * @return its probe
     */
    public static SessionProbe of(ServletContext context) {
        synchronized (context) {
            Object probe = context.getAttribute(KEY);
            if (probe == null) {
                probe = new SessionProbe();
                context.setAttribute(KEY, probe);
            }
            return (SessionProbe) probe;
        }
    }

    /**
     * Returns the probe an endpoint was configured with.
     *
     * @param config the endpoint's config, whose user properties hold the probe
     * @return the probe
     */
    public static SessionProbe of(EndpointConfig config) {
        Object probe = config.getUserProperties().get(KEY);
        if (probe == null) {
            throw new IllegalStateException("the endpoint was deployed without a " + KEY + " user property");
        }
        return (SessionProbe) probe;
    }

    /**
     * Puts the probe where endpoints find it.
     *
     * @param userProperties an endpoint config's user properties
     */
    public void installIn(Map<String, Object> userProperties) {
        userProperties.put(KEY, this);
    }

    /** @param session a session that just opened */
    public void opened(Session session) {
        opened.incrementAndGet();
        open.add(session);
    }

    /**
     * Records a closed session, and whether the container still listed it among the open ones
     * while it told the endpoint it was closed (it must not).
     *
     * @param session the session
     * @param reason what {@code onClose} was told
     */
    public void closed(Session session, CloseReason reason) {
        boolean stillListed = session.getOpenSessions().contains(session);
        // the event first: a report that counts the session closed must also show how. No isOpen():
        // it turns false only once onClose has returned, as in Tomcat and Tyrus.
        event("closed " + reason.getCloseCode().getCode() + " listed=" + stillListed);
        open.remove(session);
        closed.incrementAndGet();
    }

    /** @param event something worth reporting, one line */
    public void event(String event) {
        events.add(event.replace('\n', ' '));
    }

    /** @return the report: {@code key=value} lines; events as {@code event.N=...} */
    public String report() {
        StringBuilder out = new StringBuilder()
                .append("opened=").append(opened.get()).append('\n')
                .append("closed=").append(closed.get()).append('\n')
                .append("open=").append(open.size()).append('\n');
        int i = 0;
        for (String event : events) {
            out.append("event.").append(i++).append('=').append(event).append('\n');
        }
        return out.toString();
    }
}
