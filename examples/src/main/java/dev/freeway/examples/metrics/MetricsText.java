package dev.freeway.examples.metrics;

import dev.freeway.container.metrics.EndpointCounters;
import dev.freeway.container.metrics.WebSocketMetrics;

import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Freeway's meters as lines of text in the Prometheus exposition style ({@code name{tag="value"}
 * number}), the names being the Micrometer meters' with dots as underscores: what a person or a
 * scraper reads without a JMX console.
 */
final class MetricsText {
    private MetricsText() {
    }

    static String of(WebSocketMetrics metrics) {
        StringBuilder out = new StringBuilder();
        Map<String, EndpointCounters> endpoints = metrics.endpoints();
        byPath(out, "freeway_sessions_open", endpoints, EndpointCounters::openSessions);
        byPath(out, "freeway_messages_received_total", endpoints, EndpointCounters::messagesReceived);
        byPath(out, "freeway_messages_sent_total", endpoints, EndpointCounters::messagesSent);
        byPath(out, "freeway_bytes_received_total", endpoints, EndpointCounters::bytesReceived);
        byPath(out, "freeway_bytes_sent_total", endpoints, EndpointCounters::bytesSent);
        metrics.handshakes().forEach((status, count) -> line(out, "freeway_handshakes_total{outcome=\""
                + (status == 101 ? "accepted" : "refused") + "\",status=\"" + status + "\"}", count));
        metrics.closes().forEach((code, count) -> line(out, "freeway_closes_total{code=\"" + code + "\"}", count));
        line(out, "freeway_send_timeouts_total", metrics.sendTimeouts());
        line(out, "freeway_outbound_queued_bytes", metrics.queuedOutboundBytes());
        line(out, "freeway_workers_active", metrics.workerThreadsActive());
        return out.toString();
    }

    private static void byPath(StringBuilder out, String name, Map<String, EndpointCounters> endpoints,
                               ToLongFunction<EndpointCounters> count) {
        endpoints.forEach((path, counters) -> line(out, name + "{path=\"" + escaped(path) + "\"}",
                count.applyAsLong(counters)));
    }

    private static void line(StringBuilder out, String series, long value) {
        out.append(series).append(' ').append(value).append('\n');
    }

    /** A path in a label value: backslashes and quotes escaped, as the exposition format wants. */
    private static String escaped(String path) {
        return path.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
