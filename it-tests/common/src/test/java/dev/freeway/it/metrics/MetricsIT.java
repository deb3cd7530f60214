package dev.freeway.it.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.freeway.it.smoke.SmokeEchoEndpoint;
import dev.freeway.it.support.FreewayWar;
import dev.freeway.it.support.RawHttpConnection;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The meters after a scripted session, read as a JMX console reads them: the application's MXBean
 * in the platform MBean server (the embedded container runs in the test's JVM). One session of the
 * JDK client sends three messages and closes with 1000, one handshake from a foreign origin is
 * refused, and every count is exact.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MetricsIT {
    private static final String PATH = "/echo";

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return FreewayWar.contextParams(FreewayWar.create("metrics", SmokeEchoEndpoint.class),
                Map.of("dev.freeway.metrics", "jmx", "dev.freeway.allowedOrigins", "same-origin"));
    }

    @Test
    void aScriptedSessionIsCountedExactly() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName("dev.freeway:type=WebSocket,context=/metrics");
        assertThat(server.isRegistered(name)).as("registered at deployment").isTrue();
        assertThat(row(server, name, "MessagesReceived", PATH)).as("the path is counted from deployment").isZero();

        // the 101 is on its way before the session opens
        ScriptedSession.run(base, () -> await().atMost(Duration.ofSeconds(10))
                .until(() -> server.getAttribute(name, "OpenSessions").equals(1L)));
        assertThat(refusedHandshake()).isEqualTo(403);
        // the server counts the close as its endpoint hears of it, just after it answered
        await().atMost(Duration.ofSeconds(10)).until(() -> row(server, name, "Closes", "1000") == 1L);

        assertThat(server.getAttribute(name, "OpenSessions")).isEqualTo(0L);
        assertThat(server.getAttribute(name, "HandshakesAccepted")).isEqualTo(1L);
        assertThat(server.getAttribute(name, "HandshakesRefused")).isEqualTo(1L);
        assertThat(row(server, name, "HandshakesByStatus", "403")).isEqualTo(1L);
        assertThat(row(server, name, "MessagesReceived", PATH)).isEqualTo(3L);
        assertThat(row(server, name, "MessagesSent", PATH)).isEqualTo(3L);
        assertThat(row(server, name, "BytesReceived", PATH)).isEqualTo(ScriptedSession.BYTES_RECEIVED);
        await().atMost(Duration.ofSeconds(10)).until(() -> row(server, name, "BytesSent", PATH) == ScriptedSession.BYTES_SENT);
        assertThat(((TabularData) server.getAttribute(name, "Closes")).size()).as("no other close code").isEqualTo(1);
        assertThat(server.getAttribute(name, "SendTimeouts")).isEqualTo(0L);
        assertThat(server.getAttribute(name, "QueuedOutboundBytes")).isEqualTo(0L);
        assertThat((Integer) server.getAttribute(name, "WorkerThreadsActive")).isNotNegative();
    }

    /** A handshake from a page of another site, which {@code same-origin} refuses. */
    private int refusedHandshake() throws Exception {
        try (RawHttpConnection connection = RawHttpConnection.open(base)) {
            connection.sendHead("GET " + base.getPath() + "echo HTTP/1.1", "Upgrade: websocket", "Connection: Upgrade",
                    "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version: 13", "Content-Length: 0",
                    "Origin: https://evil.example");
            return connection.readHead().status();
        }
    }

    /** A row of one of the MXBean's tables (by path or by code), 0 when absent. */
    private static long row(MBeanServer server, ObjectName name, String attribute, String key) throws Exception {
        CompositeData row = ((TabularData) server.getAttribute(name, attribute)).get(new Object[] {key});
        return row == null ? 0 : (Long) row.get("value");
    }
}
