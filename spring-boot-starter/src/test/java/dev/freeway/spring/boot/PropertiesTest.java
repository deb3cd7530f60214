package dev.freeway.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.freeway.container.ContainerDefaults;
import dev.freeway.spring.boot.app.EchoApplication;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The {@code freeway.websocket.*} properties: their defaults, their metadata, and their effect. */
class PropertiesTest {

    @Test
    void defaultsAreFreewaysOwn() {
        ContainerDefaults d = ContainerDefaults.standard();
        assertThat(new FreewayWebSocketProperties().contextParameters()).isEqualTo(Map.of(
                "dev.freeway.maxTextMessageBufferSize", Integer.toString(d.maxTextMessageBufferSize()),
                "dev.freeway.maxBinaryMessageBufferSize", Integer.toString(d.maxBinaryMessageBufferSize()),
                "dev.freeway.maxIdleTimeout", Long.toString(d.maxIdleTimeoutMillis()),
                "dev.freeway.asyncSendTimeout", Long.toString(d.asyncSendTimeoutMillis()),
                "dev.freeway.maxOutboundBytes", Long.toString(d.maxOutboundBytes()),
                "dev.freeway.closeTimeout", Long.toString(d.closeTimeoutMillis()),
                "dev.freeway.shutdownTimeout", Long.toString(d.shutdownTimeoutMillis()),
                "dev.freeway.permessageDeflate", "true",
                // servlet-upgrade's default, which has no public constant
                "dev.freeway.readBufferSize", "16384"));
    }

    @Test
    void everyPropertyHasMetadataForIdes() throws Exception {
        JsonNode metadata = null;
        for (URL url : Collections.list(getClass().getClassLoader().getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                JsonNode node = JsonMapper.builder().build().readTree(in);
                if (node.toString().contains("\"freeway.websocket")) {
                    metadata = node;
                }
            }
        }
        assertThat(metadata).as("the starter's configuration metadata").isNotNull();
        List<String> names = new ArrayList<>();
        for (JsonNode p : metadata.get("properties")) {
            names.add(p.get("name").asString());
            assertThat(p.get("description").asString()).as(p.get("name").asString()).isNotBlank();
            assertThat(p.has("defaultValue")).as(p.get("name").asString() + " has its default").isTrue();
        }
        assertThat(names).containsExactlyInAnyOrder("freeway.websocket.max-text-message-buffer-size",
                "freeway.websocket.max-binary-message-buffer-size", "freeway.websocket.max-idle-timeout",
                "freeway.websocket.async-send-timeout", "freeway.websocket.max-outbound-bytes",
                "freeway.websocket.close-timeout", "freeway.websocket.shutdown-timeout", "freeway.websocket.permessage-deflate",
                "freeway.websocket.read-buffer-size");
    }

    @Test
    void aContextParameterThatContradictsItsPropertyStopsStartUpNamingBoth() {
        SpringApplicationBuilder app = new SpringApplicationBuilder(EchoApplication.class).properties("server.port=0",
                "server.servlet.context-parameters[dev.freeway.closeTimeout]=1234",
                "spring.autoconfigure.exclude="
                        + "org.springframework.boot.jetty.autoconfigure.servlet.JettyServletWebServerAutoConfiguration");
        assertThatThrownBy(app::run).rootCause()
                .hasMessageContaining("dev.freeway.closeTimeout=1234")
                .hasMessageContaining("freeway.websocket.close-timeout (5000)");
    }

    /** A property reaches Freeway: a text message over the configured buffer size gets 1009. */
    @Nested
    @SpringBootTest(classes = EchoApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {"freeway.websocket.max-text-message-buffer-size=16B", "spring.autoconfigure.exclude="
                    + "org.springframework.boot.jetty.autoconfigure.servlet.JettyServletWebServerAutoConfiguration"})
    class Applied {
        @LocalServerPort
        int port;

        @Test
        void aMessageOverTheConfiguredLimitIsRefusedWith1009() throws Exception {
            try (JdkClient client = JdkClient.connect(port, "/endpoint")) {
                client.send("0123456789");
                assertThat(client.next()).isEqualTo("endpoint:0123456789");
                client.send("0123456789".repeat(10));
                assertThat(client.closeCode()).isEqualTo(1009);
            }
        }
    }
}
