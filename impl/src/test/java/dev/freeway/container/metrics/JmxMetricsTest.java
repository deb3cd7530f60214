package dev.freeway.container.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.Test;

/**
 * The JMX MXBean, read as a JMX client reads it (open types through the platform MBean server),
 * with Micrometer on the class path and JMX asked for; gone once the application stops.
 */
class JmxMetricsTest {
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    @Test
    void theMxBeanShowsTheCountsAndLeavesWithTheApplication() throws Exception {
        WebSocketMetrics metrics = new WebSocketMetrics(() -> 7, () -> 2);
        EndpointCounters echo = metrics.endpoint("/echo");
        ObjectName name = new ObjectName("dev.freeway:type=WebSocket,context=/jmx-test");
        try (AutoCloseable published = MetricsExport.JMX.publish(metrics, "/jmx-test", null)) {
            metrics.handshake(101);
            metrics.handshake(101);
            metrics.handshake(403);
            echo.sessionOpened();
            echo.sessionOpened();
            echo.messageReceived();
            echo.bytesReceived(9);
            echo.messageSent();
            echo.bytesSent(11);
            echo.sessionClosed(1000);
            echo.sendTimedOut();

            assertThat(server.getAttribute(name, "OpenSessions")).isEqualTo(1L);
            assertThat(server.getAttribute(name, "HandshakesAccepted")).isEqualTo(2L);
            assertThat(server.getAttribute(name, "HandshakesRefused")).isEqualTo(1L);
            assertThat(row(name, "HandshakesByStatus", "403")).isEqualTo(1L);
            assertThat(row(name, "MessagesReceived", "/echo")).isEqualTo(1L);
            assertThat(row(name, "MessagesSent", "/echo")).isEqualTo(1L);
            assertThat(row(name, "BytesReceived", "/echo")).isEqualTo(9L);
            assertThat(row(name, "BytesSent", "/echo")).isEqualTo(11L);
            assertThat(row(name, "OpenSessionsByPath", "/echo")).isEqualTo(1L);
            assertThat(row(name, "Closes", "1000")).isEqualTo(1L);
            assertThat(server.getAttribute(name, "SendTimeouts")).isEqualTo(1L);
            assertThat(server.getAttribute(name, "QueuedOutboundBytes")).isEqualTo(7L);
            assertThat(server.getAttribute(name, "WorkerThreadsActive")).isEqualTo(2);
        }
        assertThat(server.isRegistered(name)).isFalse();
    }

    @Test
    void aContextPathWithCharactersJmxReservesIsQuoted() throws Exception {
        assertThat(JmxRegistration.nameOf("/a,b", 1).getKeyProperty("context")).isEqualTo("\"/a,b\"");
        assertThat(JmxRegistration.nameOf("/", 1).getKeyProperty("context")).isEqualTo("/");
    }

    @Test
    void aSecondApplicationWithTheSameContextPathGetsAnInstanceNumber() throws Exception {
        WebSocketMetrics first = new WebSocketMetrics(() -> 0, () -> 0);
        WebSocketMetrics second = new WebSocketMetrics(() -> 0, () -> 0);
        second.endpoint("/echo").sessionOpened();
        ObjectName firstName = new ObjectName("dev.freeway:type=WebSocket,context=/twice");
        ObjectName secondName = new ObjectName("dev.freeway:type=WebSocket,context=/twice,instance=2");
        try (AutoCloseable one = MetricsExport.JMX.publish(first, "/twice", null);
             AutoCloseable two = MetricsExport.JMX.publish(second, "/twice", null)) {
            assertThat(server.getAttribute(firstName, "OpenSessions")).isEqualTo(0L);
            assertThat(server.getAttribute(secondName, "OpenSessions")).isEqualTo(1L);
        }
        assertThat(server.isRegistered(firstName) || server.isRegistered(secondName)).isFalse();
    }

    /** A row of an MXBean map attribute: a table of key and value. */
    private Object row(ObjectName name, String attribute, String key) throws Exception {
        TabularData table = (TabularData) server.getAttribute(name, attribute);
        return table.get(new Object[] {key}).get("value");
    }
}
