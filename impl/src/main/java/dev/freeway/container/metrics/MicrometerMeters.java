package dev.freeway.container.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Tags;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A container's counts as Micrometer meters: gauges and function counters that read the
 * {@link WebSocketMetrics} when the registry asks, so nothing is counted twice and Micrometer is
 * on no hot path. The only class that names Micrometer types; {@link MetricsExport} loads it only
 * when Micrometer is on the class path. Each meter is tagged with the web application's context.
 */
final class MicrometerMeters implements WebSocketMetrics.Listener, AutoCloseable {
    private final WebSocketMetrics metrics;
    private final MeterRegistry registry;
    private final Tags context;
    /** What this publisher registered, to take out again when the application stops. */
    private final List<Meter> meters = new ArrayList<>();
    private boolean closed;

    /**
     * @param registry a {@code MeterRegistry}, or {@code null} for Micrometer's global registry;
     *                 typed {@code Object} so that callers' signatures name no Micrometer type
     */
    MicrometerMeters(WebSocketMetrics metrics, String context, Object registry) {
        this.metrics = metrics;
        this.registry = registry == null ? Metrics.globalRegistry : (MeterRegistry) registry;
        this.context = Tags.of("context", context);
        add(Gauge.builder("freeway.outbound.queued", metrics, WebSocketMetrics::queuedOutboundBytes).tags(this.context)
                .baseUnit("bytes").description("bytes the open sessions hold for peers that have not read them")
                .register(this.registry));
        add(Gauge.builder("freeway.workers.active", metrics, WebSocketMetrics::workerThreadsActive).tags(this.context)
                .baseUnit("threads").description("worker threads running a task").register(this.registry));
        add(FunctionCounter.builder("freeway.send.timeouts", metrics, WebSocketMetrics::sendTimeouts).tags(this.context)
                .description("sends that timed out, each dropping its connection").register(this.registry));
        metrics.listen(this);
    }

    @Override
    public void endpointAdded(EndpointCounters endpoint) {
        Tags tags = context.and("path", endpoint.path());
        add(Gauge.builder("freeway.sessions.open", endpoint, EndpointCounters::openSessions).tags(tags)
                .baseUnit("sessions").description("open WebSocket sessions").register(registry));
        counter("freeway.messages.received", endpoint, EndpointCounters::messagesReceived, tags, "messages",
                "data messages received");
        counter("freeway.messages.sent", endpoint, EndpointCounters::messagesSent, tags, "messages", "data messages sent");
        counter("freeway.bytes.received", endpoint, EndpointCounters::bytesReceived, tags, "bytes", "wire bytes received");
        counter("freeway.bytes.sent", endpoint, EndpointCounters::bytesSent, tags, "bytes", "wire bytes sent");
    }

    @Override
    public void handshakeStatusAdded(int status) {
        Tags tags = context.and("outcome", status == 101 ? "accepted" : "refused").and("status", String.valueOf(status));
        counter("freeway.handshakes", metrics, m -> m.handshakes(status), tags, "handshakes", "opening handshakes answered");
    }

    @Override
    public void closeCodeAdded(int code) {
        counter("freeway.closes", metrics, m -> m.closes(code), context.and("code", String.valueOf(code)), "sessions",
                "sessions closed, by the close code their endpoint was told");
    }

    private <T> void counter(String name, T source, ToDoubleFunction<T> count, Tags tags, String unit, String description) {
        add(FunctionCounter.builder(name, source, count).tags(tags).baseUnit(unit).description(description)
                .register(registry));
    }

    /** Registering the same meter again (a code counted while this publisher started) returns the one there. */
    private synchronized void add(Meter meter) {
        if (closed) {
            registry.remove(meter);
        } else if (!meters.contains(meter)) {
            meters.add(meter);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        metrics.unlisten(this);
        meters.forEach(registry::remove);
        meters.clear();
    }
}
