package dev.freeway.container;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;

import java.io.IOException;
import java.util.Map;

/**
 * How a host environment upgrades one of its own requests to a WebSocket session
 * ({@code ServerContainer.upgradeHttpToWebSocket}); the Servlet module provides it.
 */
@FunctionalInterface
public interface Upgrader {
    void upgrade(Object request, Object response, ServerEndpointConfig config, Map<String, String> pathParameters)
            throws IOException, DeploymentException;
}
