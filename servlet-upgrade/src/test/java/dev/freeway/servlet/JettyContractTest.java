package dev.freeway.servlet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The transport contract over Jetty 12.1's native takeover ({@link JettyTransport}). */
class JettyContractTest extends ContainerContractFixture {
    private EmbeddedServer server;

    @BeforeAll
    void start() throws Exception {
        server = EmbeddedServer.start("jetty");
        deploy(server.servletContext(), server.port());
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }
}
