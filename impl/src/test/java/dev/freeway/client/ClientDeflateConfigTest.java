package dev.freeway.client;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.freeway.container.server.FreewayExtension;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.DeploymentException;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A permessage-deflate extension the application configured with parameters the client cannot offer. */
class ClientDeflateConfigTest {
    private static void connect(FreewayExtension.Parameter parameter) throws Exception {
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create()
                .extensions(List.of(new FreewayExtension("permessage-deflate", List.of(parameter)))).build();
        try (FreewayClientContainer client = new FreewayClientContainer()) {
            // Refused before any connection is tried: nothing listens on port 1.
            client.connectToServer(new Recorder(), config, URI.create("ws://127.0.0.1:1/"));
        }
    }

    @Test
    void anInvalidWindowIsRefusedWithItsReason() {
        assertThatThrownBy(() -> connect(new FreewayExtension.Parameter("client_max_window_bits", "16")))
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("permessage-deflate extension is invalid")
                .hasMessageContaining("client_max_window_bits='16' is not a whole number 8-15");
    }

    @Test
    void anUnknownParameterIsRefused() {
        assertThatThrownBy(() -> connect(new FreewayExtension.Parameter("x_window", null)))
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("unknown parameter 'x_window'");
    }
}
