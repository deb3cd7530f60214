package dev.freeway.bridge.server;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;

import java.util.Set;

/**
 * Deploys bridges from context parameters, so a WAR needs no code for them:
 *
 * <pre>{@code
 * <context-param>
 *   <param-name>dev.freeway.bridge.routes</param-name>
 *   <param-value>/bridge/vnc=localhost:5900, /bridge/ssh=localhost:22</param-value>
 * </context-param>
 * }</pre>
 *
 * and optionally {@code dev.freeway.bridge.connectTimeout}, {@code .bufferSize},
 * {@code .idleTimeout}, {@code .writeTimeout}, {@code .socketBufferSize}, {@code .maxConnections} (see
 * {@link BridgeSettings}) and {@code .origins} (comma-separated, see
 * {@link TcpBridge#requireOrigin}), shared by the routes. Found through {@code META-INF/services}; it does
 * nothing in an application without the routes parameter. The endpoints are added once every
 * initializer has run (Freeway's server container must exist), from a context listener that also
 * closes the bridges when the application stops.
 */
public final class BridgeInitializer implements ServletContainerInitializer {
    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        BridgeParameters parameters = BridgeParameters.read(context::getInitParameter);
        if (!parameters.routes().isEmpty()) {
            context.addListener(new BridgeDeployer(parameters));
        }
    }
}
