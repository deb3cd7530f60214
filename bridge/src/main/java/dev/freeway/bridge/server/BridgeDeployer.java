package dev.freeway.bridge.server;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Adds the bridges of {@link BridgeParameters} when the application starts; closes them when it stops. */
final class BridgeDeployer implements ServletContextListener {
    private static final System.Logger LOG = System.getLogger(BridgeDeployer.class.getName());

    private final BridgeParameters parameters;
    private final List<TcpBridge> bridges = new ArrayList<>();

    BridgeDeployer(BridgeParameters parameters) {
        this.parameters = parameters;
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        Object container = context.getAttribute(ServerContainer.class.getName());
        if (!(container instanceof ServerContainer server)) {
            throw new IllegalStateException("the bridges " + parameters.routes().keySet()
                    + " need a WebSocket server container; is Freeway in the application?");
        }
        for (Map.Entry<String, BridgeTarget> route : parameters.routes().entrySet()) {
            TcpBridge bridge = TcpBridge.to(route.getValue(), parameters.settings())
                    .requireOrigin(parameters.origins().toArray(String[]::new));
            bridges.add(bridge);
            try {
                server.addEndpoint(bridge.endpointConfig(route.getKey()));
            } catch (DeploymentException e) {
                throw new IllegalStateException("cannot deploy the bridge at " + route.getKey() + ": " + e.getMessage(), e);
            }
            LOG.log(System.Logger.Level.INFO, "bridge {0} -> {1}", route.getKey(), route.getValue());
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        bridges.forEach(TcpBridge::close);
        bridges.clear();
    }
}
