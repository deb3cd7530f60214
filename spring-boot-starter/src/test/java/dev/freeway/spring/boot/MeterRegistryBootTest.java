package dev.freeway.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.freeway.spring.boot.app.EchoApplication;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/**
 * An application with a Micrometer {@code MeterRegistry} bean finds Freeway's meters in it, with
 * the counts of a session on its {@code @ServerEndpoint}: the starter hands the registry over.
 */
@SpringBootTest(classes = {EchoApplication.class, MeterRegistryBootTest.Registry.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.autoconfigure.exclude="
                + "org.springframework.boot.jetty.autoconfigure.servlet.JettyServletWebServerAutoConfiguration")
class MeterRegistryBootTest {
    @LocalServerPort
    int port;

    @Autowired
    SimpleMeterRegistry registry;

    /** The application's registry, as Boot's actuator would declare one. */
    @TestConfiguration
    static class Registry {
        @Bean
        SimpleMeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @Test
    void freewaysMetersAreInTheApplicationsRegistry() throws Exception {
        try (JdkClient client = JdkClient.connect(port, "/endpoint")) {
            for (int i = 0; i < 3; i++) {
                client.send("ping " + i);
                assertThat(client.next()).isEqualTo("endpoint:ping " + i);
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> registry.get("freeway.sessions.open")
                .tags("context", "/", "path", "/endpoint").gauge().value() == 0);
        assertThat(registry.get("freeway.messages.received").tag("path", "/endpoint").functionCounter().count()).isEqualTo(3);
        assertThat(registry.get("freeway.messages.sent").tag("path", "/endpoint").functionCounter().count()).isEqualTo(3);
        assertThat(registry.get("freeway.handshakes").tags("outcome", "accepted", "status", "101")
                .functionCounter().count()).isEqualTo(1);
    }
}
