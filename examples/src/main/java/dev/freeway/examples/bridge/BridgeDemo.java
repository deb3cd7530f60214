package dev.freeway.examples.bridge;

import dev.freeway.bridge.server.BridgeSettings;
import dev.freeway.bridge.server.BridgeTarget;
import dev.freeway.bridge.server.TcpBridge;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * {@code /bridge/echo}: every WebSocket there is bridged (websockify-style, {@code binary} or
 * {@code base64}) to a new TCP connection to {@link LoopbackEchoService}, which the demo runs
 * itself on a loopback port. What a WAR writes to deploy a bridge: start it, add its endpoint,
 * close it when the application stops.
 */
@WebListener
public class BridgeDemo implements ServletContextListener {
    private static final System.Logger LOG = System.getLogger(BridgeDemo.class.getName());
    /** The demo's page and its tests open at most a few at once. */
    private static final int MAX_CONNECTIONS = 64;

    private LoopbackEchoService echo;
    private TcpBridge bridge;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        try {
            echo = new LoopbackEchoService();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the demo's TCP echo service", e);
        }
        bridge = TcpBridge.to(new BridgeTarget("127.0.0.1", echo.port()),
                BridgeSettings.defaults().withMaxConnections(MAX_CONNECTIONS));
        ServerContainer server = (ServerContainer) event.getServletContext().getAttribute(ServerContainer.class.getName());
        try {
            server.addEndpoint(bridge.endpointConfig("/bridge/echo"));
        } catch (DeploymentException e) {
            throw new IllegalStateException("cannot deploy /bridge/echo", e);
        }
        LOG.log(System.Logger.Level.INFO, "/bridge/echo bridges to the echo service on 127.0.0.1:{0}", echo.port());
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (bridge != null) {
            bridge.close();
        }
        if (echo != null) {
            try {
                echo.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "stopping the demo's echo service", e);
            }
        }
    }
}
