package dev.freeway.servlet;

import dev.freeway.container.Upgrader;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.server.ServerEndpointConfig;

import java.io.IOException;
import java.util.Map;

/** {@code ServerContainer.upgradeHttpToWebSocket} for Servlet requests, from any servlet or filter. */
final class ServletUpgrader implements Upgrader {
    private final ServletHandshake handshake;

    ServletUpgrader(ServletHandshake handshake) {
        this.handshake = handshake;
    }

    @Override
    public void upgrade(Object request, Object response, ServerEndpointConfig config, Map<String, String> pathParameters)
            throws IOException {
        if (!(request instanceof HttpServletRequest) || !(response instanceof HttpServletResponse)) {
            throw new IllegalArgumentException("upgradeHttpToWebSocket needs an HttpServletRequest and an HttpServletResponse, not "
                    + (request == null ? "null" : request.getClass().getName()) + " and "
                    + (response == null ? "null" : response.getClass().getName()));
        }
        try {
            handshake.handshake((HttpServletRequest) request, (HttpServletResponse) response, config,
                    pathParameters == null ? Map.of() : pathParameters);
        } catch (jakarta.servlet.ServletException e) {
            throw new IOException("the Servlet container refused the upgrade: " + e.getMessage(), e);
        }
    }
}
