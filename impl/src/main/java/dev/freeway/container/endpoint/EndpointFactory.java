package dev.freeway.container.endpoint;

import dev.freeway.container.FreewayServerContainer;

/**
 * Creates server endpoint instances where the configurator would create them with the default
 * {@code getEndpointInstance} (Jakarta WebSocket 2.2 section 3.1.7), so a host environment such as
 * CDI can make endpoints that are injected, intercepted and destroyed. Installed with
 * {@link FreewayServerContainer#setEndpointFactory}.
 *
 * <p>The factory is asked once per accepted handshake, before the 101 goes out, only for endpoints
 * whose configurator does not override {@code getEndpointInstance}: an application configurator
 * that does keeps the last word, as the specification gives it.
 */
@FunctionalInterface
public interface EndpointFactory {
    /**
     * The endpoint instance for one connection.
     *
     * @param endpointClass the endpoint class of the configuration; the instance must be of this class
     *                      or a subclass (a proxy, say), since endpoint metadata comes from this class
     * @return the instance and how to release it, or {@code null} to leave this class to the
     *         configurator
     * @throws InstantiationException when the instance cannot be made; the handshake fails with a 500
     */
    EndpointInstance create(Class<?> endpointClass) throws InstantiationException;
}
