package dev.freeway.it.probe;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * Base of the listeners that deploy probed endpoints: programmatic endpoints whose config carries
 * the application's {@link SessionProbe}, added to the ServerContainer that Freeway registered
 * before listeners run. Subclasses are {@code @WebListener}s that name their endpoints.
 */
public abstract class ProbeDeployer implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionProbe probe = SessionProbe.of(event.getServletContext());
        ServerContainer container = (ServerContainer) event.getServletContext()
                .getAttribute(ServerContainer.class.getName());
        if (container == null) {
            throw new IllegalStateException("no WebSocket ServerContainer: is Freeway in WEB-INF/lib?");
        }
        try {
            for (ServerEndpointConfig config : endpoints()) {
                probe.installIn(config.getUserProperties());
                container.addEndpoint(config);
            }
        } catch (DeploymentException e) {
            throw new IllegalStateException("could not deploy the probed endpoints", e);
        }
    }

    /** @return the endpoints to deploy; each gets the probe in its user properties */
    protected abstract Iterable<ServerEndpointConfig> endpoints();
}
