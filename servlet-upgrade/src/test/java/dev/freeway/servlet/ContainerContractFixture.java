package dev.freeway.servlet;

import dev.freeway.transport.ContractEndpoint;
import dev.freeway.transport.RawPeer;
import dev.freeway.transport.TransportContract;
import jakarta.servlet.ServletContext;
import jakarta.websocket.server.ServerContainer;

/**
 * The transport contract over a real container: the contract's endpoint is deployed into the
 * context's Freeway {@code ServerContainer} at {@code /app/contract}, and each connection is a
 * raw socket's handshake.
 */
public abstract class ContainerContractFixture extends TransportContract {
    private int port;
    private EmbeddedServer embedded;

    /** Starts the {@link EmbeddedServer} of {@code kind} ("jetty" or "tomcat") with the contract's endpoint. */
    protected void startEmbedded(String kind) throws Exception {
        startEmbedded(EmbeddedServer.start(kind));
    }

    /** Deploys the contract's endpoint into {@code server}, which {@link #stopEmbedded} stops. */
    protected void startEmbedded(EmbeddedServer server) throws Exception {
        embedded = server;
        deploy(embedded.servletContext(), embedded.port());
    }

    /** The port the server under test listens on. */
    int port() {
        return port;
    }

    /** Stops what {@link #startEmbedded} started. */
    protected void stopEmbedded() throws Exception {
        embedded.close();
    }

    /** Deploys the contract's endpoint into {@code context} (served on {@code port}). */
    protected void deploy(ServletContext context, int port) throws Exception {
        this.port = port;
        ServerContainer container = (ServerContainer) context.getAttribute(ServerContainer.class.getName());
        container.addEndpoint(endpoint.serverConfig());
    }

    @Override
    protected Connected connect() throws Exception {
        RawPeer peer = RawPeer.connect(port, "/app" + ContractEndpoint.PATH);
        return new Connected(endpoint.nextSession(), peer);
    }
}
