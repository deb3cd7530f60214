/**
 * Freeway's implementation of Jakarta WebSocket 2.2: the sans-I/O frame engine, the
 * transport-neutral server container and the client container.
 *
 * <p>Exported to everyone: the client container ({@code dev.freeway.client}), the server
 * container type and its metrics, and the engine, the sans-I/O protocol machine any transport
 * can drive. The write queue shared by the transports is internal and exported only to Freeway's
 * Servlet module; so are the container's internal sub-packages the Servlet module drives (the
 * handshake and deployment in {@code server}, the session, the worker settings in {@code runtime}),
 * and the endpoint hooks in {@code container.endpoint} only to the CDI module. The compression
 * library JZlib and Micrometer are optional: Freeway uses them when they are present.
 */
module dev.freeway.impl {
    requires transitive dev.freeway.api;
    requires transitive jakarta.websocket;
    requires transitive jakarta.websocket.client;
    requires java.management;
    requires static micrometer.core;
    requires static jzlib;

    exports dev.freeway.client;
    exports dev.freeway.container;
    exports dev.freeway.container.metrics;
    exports dev.freeway.engine;
    exports dev.freeway.container.endpoint to dev.freeway.cdi;
    exports dev.freeway.container.runtime to dev.freeway.servlet;
    exports dev.freeway.container.server to dev.freeway.servlet;
    exports dev.freeway.container.session to dev.freeway.servlet;
    exports dev.freeway.transport to dev.freeway.servlet;

    provides jakarta.websocket.ContainerProvider with dev.freeway.client.FreewayContainerProvider;
    provides jakarta.websocket.server.ServerEndpointConfig.Configurator
            with dev.freeway.container.server.DefaultServerConfigurator;
}
