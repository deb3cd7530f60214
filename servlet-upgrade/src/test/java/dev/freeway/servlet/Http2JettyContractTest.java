package dev.freeway.servlet;

import dev.freeway.transport.ContractEndpoint;
import dev.freeway.transport.RawPeer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The transport contract over an RFC 8441 stream: Freeway's Jetty transport on an HTTP/2 stream
 * of Jetty 12.1 (h2c), the peer Jetty's low-level HTTP/2 client with a small stream window, so
 * HTTP/2 flow control is what holds a sender back from a peer that does not read.
 */
class Http2JettyContractTest extends ContainerContractFixture {
    @BeforeAll
    void start() throws Exception {
        startEmbedded(EmbeddedServer.startH2c("jetty"));
    }

    @AfterAll
    void stop() throws Exception {
        stopEmbedded();
    }

    @Override
    protected Connected connect() throws Exception {
        RawPeer peer = RawPeer.client(Http2StreamWire.open(port(), "/app" + ContractEndpoint.PATH));
        return new Connected(endpoint.nextSession(), peer);
    }
}
