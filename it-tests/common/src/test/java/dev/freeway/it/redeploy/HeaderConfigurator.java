package dev.freeway.it.redeploy;

import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.List;

/**
 * Overrides one method only: every other (origin, subprotocol, extensions, endpoint instance) is
 * inherited, which the WebSocket API sends to its container default, kept in a static field of
 * the API class the server shares between applications.
 */
public class HeaderConfigurator extends ServerEndpointConfig.Configurator {
    @Override
    public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
        response.getHeaders().put("X-Configured", List.of("yes"));
    }
}
