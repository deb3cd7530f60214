package dev.freeway.container.metrics;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * Everything one server container counts: sessions, messages and bytes per endpoint path, opening
 * handshakes by HTTP status, close codes and send timeouts; plus two readings the container
 * computes only when asked (bytes waiting for peers, workers busy), so that they cost nothing
 * between readings. Counting is cheap and lock-free; publishers
 * ({@link MetricsExport#publish}) read these counts and never count themselves.
 */
public final class WebSocketMetrics {
    /**
     * The most paths counted apart. Deployed endpoints are few, but {@code upgradeHttpToWebSocket}
     * may be called with any path (Spring passes the request's, SockJS puts session ids in it), and
     * a meter per path would grow without bound; the paths beyond share {@link #OTHER_PATHS}.
     */
    public static final int MAX_PATHS = 256;
    /** The path under which the paths beyond {@link #MAX_PATHS} are counted together. */
    public static final String OTHER_PATHS = "(other)";

    /** A publisher that adds a meter for each path and code the first time it is counted. */
    interface Listener {
        void endpointAdded(EndpointCounters endpoint);

        void handshakeStatusAdded(int status);

        void closeCodeAdded(int code);
    }

    private final ConcurrentHashMap<String, EndpointCounters> endpoints = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final CodeCounts handshakes = new CodeCounts(status -> listeners.forEach(l -> l.handshakeStatusAdded(status)));
    private final CodeCounts closes = new CodeCounts(code -> listeners.forEach(l -> l.closeCodeAdded(code)));
    private final LongAdder sendTimeouts = new LongAdder();
    private final LongSupplier queuedOutboundBytes;
    private final IntSupplier workerThreadsActive;

    /**
     * @param queuedOutboundBytes what the container's sessions hold for their peers, summed when read
     * @param workerThreadsActive the container's workers running a task, counted when read
     */
    public WebSocketMetrics(LongSupplier queuedOutboundBytes, IntSupplier workerThreadsActive) {
        this.queuedOutboundBytes = queuedOutboundBytes;
        this.workerThreadsActive = workerThreadsActive;
    }

    /**
     * The counters of the endpoint at {@code path}, made the first time: at deployment, or for an
     * endpoint that {@code upgradeHttpToWebSocket} opens undeployed, at its first handshake. Past
     * {@link #MAX_PATHS} paths (give or take the ones made at the same moment), the counters of
     * {@link #OTHER_PATHS}.
     */
    public EndpointCounters endpoint(String path) {
        EndpointCounters existing = endpoints.get(path);
        if (existing != null) {
            return existing;
        }
        if (endpoints.size() >= MAX_PATHS && !path.equals(OTHER_PATHS)) {
            return endpoint(OTHER_PATHS);
        }
        EndpointCounters made = new EndpointCounters(path, this);
        existing = endpoints.putIfAbsent(path, made);
        if (existing != null) {
            return existing;
        }
        listeners.forEach(l -> l.endpointAdded(made));
        return made;
    }

    /** An opening handshake ended with {@code status}: 101 when accepted, else the refusal's status. */
    public void handshake(int status) {
        handshakes.increment(status);
    }

    void closed(int code) {
        closes.increment(code);
    }

    void sendTimedOut() {
        sendTimeouts.increment();
    }

    /** The endpoints counted so far by path, in path order. */
    public Map<String, EndpointCounters> endpoints() {
        return new TreeMap<>(endpoints);
    }

    /** Handshakes by HTTP status (101 for the accepted ones). */
    public Map<Integer, Long> handshakes() {
        return handshakes.snapshot();
    }

    /** Handshakes that ended with {@code status}. */
    public long handshakes(int status) {
        return handshakes.count(status);
    }

    /** Sessions by the close code their endpoints were told. */
    public Map<Integer, Long> closes() {
        return closes.snapshot();
    }

    /** Sessions that closed with {@code code}. */
    public long closes(int code) {
        return closes.count(code);
    }

    public long sendTimeouts() {
        return sendTimeouts.sum();
    }

    public long queuedOutboundBytes() {
        return queuedOutboundBytes.getAsLong();
    }

    public int workerThreadsActive() {
        return workerThreadsActive.getAsInt();
    }

    /** Open sessions of every endpoint. */
    public long openSessions() {
        return endpoints.values().stream().mapToLong(EndpointCounters::openSessions).sum();
    }

    /**
     * Adds a publisher and tells it of every path and code counted so far. One counted meanwhile
     * may reach it twice; publishers take that as a no-op.
     */
    void listen(Listener listener) {
        listeners.add(listener);
        endpoints.values().forEach(listener::endpointAdded);
        handshakes.snapshot().keySet().forEach(listener::handshakeStatusAdded);
        closes.snapshot().keySet().forEach(listener::closeCodeAdded);
    }

    void unlisten(Listener listener) {
        listeners.remove(listener);
    }
}
