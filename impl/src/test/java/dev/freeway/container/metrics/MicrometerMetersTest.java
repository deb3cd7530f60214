package dev.freeway.container.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/**
 * The Micrometer meters read the counts as they are when the registry asks, meters appear for
 * paths and codes counted after publishing, and stopping takes every meter out.
 */
class MicrometerMetersTest {
    private final WebSocketMetrics metrics = new WebSocketMetrics(() -> 42, () -> 3);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void metersReadTheCountsByPathStatusAndCode() throws Exception {
        EndpointCounters echo = metrics.endpoint("/echo");
        metrics.handshake(101);
        echo.sessionOpened();
        try (AutoCloseable published = MetricsExport.MICROMETER.publish(metrics, "/app", registry)) {
            echo.messageReceived();
            echo.messageReceived();
            echo.messageSent();
            echo.bytesReceived(100);
            echo.bytesSent(40);
            metrics.handshake(403); // a status first seen after publishing
            echo.sessionClosed(1000);
            echo.sendTimedOut();
            EndpointCounters chat = metrics.endpoint("/chat"); // a path first seen after publishing
            chat.sessionOpened();

            assertThat(count("freeway.messages.received", "path", "/echo")).isEqualTo(2);
            assertThat(count("freeway.messages.sent", "path", "/echo")).isEqualTo(1);
            assertThat(count("freeway.bytes.received", "path", "/echo")).isEqualTo(100);
            assertThat(count("freeway.bytes.sent", "path", "/echo")).isEqualTo(40);
            assertThat(registry.get("freeway.sessions.open").tag("path", "/echo").gauge().value()).isZero();
            assertThat(registry.get("freeway.sessions.open").tag("path", "/chat").gauge().value()).isEqualTo(1);
            assertThat(registry.get("freeway.handshakes").tags("outcome", "accepted", "status", "101")
                    .functionCounter().count()).isEqualTo(1);
            assertThat(registry.get("freeway.handshakes").tags("outcome", "refused", "status", "403")
                    .functionCounter().count()).isEqualTo(1);
            assertThat(count("freeway.closes", "code", "1000")).isEqualTo(1);
            assertThat(registry.get("freeway.send.timeouts").functionCounter().count()).isEqualTo(1);
            assertThat(registry.get("freeway.outbound.queued").gauge().value()).isEqualTo(42);
            assertThat(registry.get("freeway.workers.active").gauge().value()).isEqualTo(3);
            assertThat(registry.getMeters()).allMatch(m -> "/app".equals(m.getId().getTag("context")));
        }
        assertThat(registry.getMeters()).isEmpty();
        metrics.handshake(500); // counted after stopping: no meter comes back
        assertThat(registry.getMeters()).isEmpty();
    }

    @Test
    void anObjectThatIsNoMeterRegistryIsRefused() {
        assertThatThrownBy(() -> MetricsExport.MICROMETER.publish(metrics, "/app", "not a registry"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.String");
    }

    @Test
    void theExportIsNamedInAnyCase() {
        assertThat(MetricsExport.parse(null)).isEqualTo(MetricsExport.AUTO);
        assertThat(MetricsExport.parse(" Jmx ")).isEqualTo(MetricsExport.JMX);
        assertThatThrownBy(() -> MetricsExport.parse("prometheus")).hasMessageContaining("auto, micrometer, jmx, none");
    }

    private double count(String name, String tag, String value) {
        return registry.get(name).tag(tag, value).functionCounter().count();
    }
}
