package dev.freeway.container.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/** Reads a {@link WebSocketMetrics} for JMX; it counts nothing itself. */
final class JmxMetrics implements WebSocketMetricsMXBean {
    private static final int ACCEPTED = 101;

    private final WebSocketMetrics metrics;

    JmxMetrics(WebSocketMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public long getOpenSessions() {
        return metrics.openSessions();
    }

    @Override
    public Map<String, Long> getOpenSessionsByPath() {
        return byPath(EndpointCounters::openSessions);
    }

    @Override
    public long getHandshakesAccepted() {
        return metrics.handshakes(ACCEPTED);
    }

    @Override
    public long getHandshakesRefused() {
        return metrics.handshakes().entrySet().stream().filter(e -> e.getKey() != ACCEPTED)
                .mapToLong(Map.Entry::getValue).sum();
    }

    @Override
    public Map<String, Long> getHandshakesByStatus() {
        return byCode(metrics.handshakes());
    }

    @Override
    public Map<String, Long> getMessagesReceived() {
        return byPath(EndpointCounters::messagesReceived);
    }

    @Override
    public Map<String, Long> getMessagesSent() {
        return byPath(EndpointCounters::messagesSent);
    }

    @Override
    public Map<String, Long> getBytesReceived() {
        return byPath(EndpointCounters::bytesReceived);
    }

    @Override
    public Map<String, Long> getBytesSent() {
        return byPath(EndpointCounters::bytesSent);
    }

    @Override
    public Map<String, Long> getCloses() {
        return byCode(metrics.closes());
    }

    @Override
    public long getSendTimeouts() {
        return metrics.sendTimeouts();
    }

    @Override
    public long getQueuedOutboundBytes() {
        return metrics.queuedOutboundBytes();
    }

    @Override
    public int getWorkerThreadsActive() {
        return metrics.workerThreadsActive();
    }

    private Map<String, Long> byPath(ToLongFunction<EndpointCounters> count) {
        Map<String, Long> out = new LinkedHashMap<>();
        metrics.endpoints().forEach((path, counters) -> out.put(path, count.applyAsLong(counters)));
        return out;
    }

    /** String keys, as in the tables by path, so that a JMX client reads every table alike. */
    private static Map<String, Long> byCode(Map<Integer, Long> counts) {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.forEach((code, count) -> out.put(String.valueOf(code), count));
        return out;
    }
}
