package dev.freeway.transport;

import dev.freeway.client.FreewayClientContainer;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.Session;

import java.net.ServerSocket;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The transport contract over the client's NIO transport, with a raw server socket as the peer. */
class ClientNioContractTest extends TransportContract {
    private FreewayClientContainer client;
    private ServerSocket server;
    private ExecutorService acceptor;

    @BeforeAll
    void start() throws Exception {
        client = new FreewayClientContainer();
        server = RawPeer.listen();
        acceptor = Executors.newSingleThreadExecutor();
    }

    @AfterAll
    void stop() throws Exception {
        acceptor.shutdownNow();
        server.close();
        client.close();
    }

    @Override
    protected Connected connect() throws Exception {
        Future<RawPeer> peer = acceptor.submit(() -> RawPeer.accept(server));
        URI uri = URI.create("ws://127.0.0.1:" + server.getLocalPort() + ContractEndpoint.PATH);
        Session session = client.connectToServer(endpoint, ClientEndpointConfig.Builder.create().build(), uri);
        endpoint.nextSession(); // the same session, as onOpen saw it
        return new Connected(session, peer.get(10, TimeUnit.SECONDS));
    }
}
