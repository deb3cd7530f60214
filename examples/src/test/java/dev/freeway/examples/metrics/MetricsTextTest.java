package dev.freeway.examples.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freeway.container.metrics.EndpointCounters;
import dev.freeway.container.metrics.WebSocketMetrics;
import org.junit.jupiter.api.Test;

/** The {@code /metrics} page's text: one line per series, tags quoted, every meter there. */
class MetricsTextTest {

    @Test
    void everyMeterIsOneLine() {
        WebSocketMetrics metrics = new WebSocketMetrics(() -> 5, () -> 2);
        EndpointCounters echo = metrics.endpoint("/echo");
        metrics.endpoint("/chat/{room}");
        metrics.handshake(101);
        metrics.handshake(403);
        echo.sessionOpened();
        echo.messageReceived();
        echo.bytesReceived(9);
        echo.messageSent();
        echo.bytesSent(5);
        echo.sessionClosed(1000);

        assertThat(MetricsText.of(metrics)).isEqualTo("""
                freeway_sessions_open{path="/chat/{room}"} 0
                freeway_sessions_open{path="/echo"} 0
                freeway_messages_received_total{path="/chat/{room}"} 0
                freeway_messages_received_total{path="/echo"} 1
                freeway_messages_sent_total{path="/chat/{room}"} 0
                freeway_messages_sent_total{path="/echo"} 1
                freeway_bytes_received_total{path="/chat/{room}"} 0
                freeway_bytes_received_total{path="/echo"} 9
                freeway_bytes_sent_total{path="/chat/{room}"} 0
                freeway_bytes_sent_total{path="/echo"} 5
                freeway_handshakes_total{outcome="accepted",status="101"} 1
                freeway_handshakes_total{outcome="refused",status="403"} 1
                freeway_closes_total{code="1000"} 1
                freeway_send_timeouts_total 0
                freeway_outbound_queued_bytes 5
                freeway_workers_active 2
                """);
    }
}
