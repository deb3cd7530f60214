package dev.freeway.it.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.freeway.it.smoke.SmokeEchoEndpoint;
import dev.freeway.it.support.CopiedLibraries;
import dev.freeway.it.support.FreewayWar;
import dev.freeway.it.support.JdkClient;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.management.ObjectName;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An application that carries Micrometer in {@code WEB-INF/lib} gets Freeway's meters in
 * Micrometer's global registry, and not in JMX, with no setting: the optional dependency found in
 * the WAR's own class loader. The WAR's {@link MeterListServlet} lists them after a scripted
 * session (three messages, a close with 1000), and the counts are exact.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MicrometerMetricsIT {
    private static final String TAGS = "{context=/micrometer,path=/echo}";

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return CopiedLibraries.addTo(FreewayWar.create("micrometer", SmokeEchoEndpoint.class, MeterListServlet.class),
                CopiedLibraries.MICROMETER);
    }

    @Test
    void aScriptedSessionIsCountedInMicrometer() throws Exception {
        ScriptedSession.run(base, () -> await().atMost(Duration.ofSeconds(10))
                .until(() -> "1.0".equals(meters().get("freeway.sessions.open" + TAGS))));
        await().atMost(Duration.ofSeconds(10)).until(() -> "1.0".equals(meters().get("freeway.closes{code=1000,context=/micrometer}")));

        await().atMost(Duration.ofSeconds(10)).until(() -> String.valueOf((double) ScriptedSession.BYTES_SENT)
                .equals(meters().get("freeway.bytes.sent" + TAGS)));
        Map<String, String> meters = meters();
        assertThat(meters).containsEntry("freeway.sessions.open" + TAGS, "0.0")
                .containsEntry("freeway.messages.received" + TAGS, "3.0")
                .containsEntry("freeway.messages.sent" + TAGS, "3.0")
                .containsEntry("freeway.bytes.received" + TAGS, String.valueOf((double) ScriptedSession.BYTES_RECEIVED))
                .containsEntry("freeway.handshakes{context=/micrometer,outcome=accepted,status=101}", "1.0")
                .containsEntry("freeway.send.timeouts{context=/micrometer}", "0.0")
                .containsKeys("freeway.outbound.queued{context=/micrometer}",
                        "freeway.workers.active{context=/micrometer}");
        assertThat(ManagementFactory.getPlatformMBeanServer()
                .isRegistered(new ObjectName("dev.freeway:type=WebSocket,context=/micrometer")))
                .as("Micrometer, not JMX").isFalse();
    }

    /** The WAR's meters by {@code name{tags}}: each value as the servlet printed it. */
    private Map<String, String> meters() throws Exception {
        HttpResponse<String> response = JdkClient.get(base, "meters");
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, String> meters = new LinkedHashMap<>();
        for (String line : response.body().split("\n")) {
            int space = line.lastIndexOf(' ');
            if (space > 0) {
                meters.put(line.substring(0, space), line.substring(space + 1));
            }
        }
        return meters;
    }
}
