package dev.freeway.servlet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The transport contract over Tomcat 11's native takeover ({@link TomcatTransport}). */
class TomcatContractTest extends ContainerContractFixture {
    private EmbeddedServer server;

    @BeforeAll
    void start() throws Exception {
        server = EmbeddedServer.start("tomcat");
        deploy(server.servletContext(), server.port());
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }
}
