package dev.freeway.servlet.jetty;

import dev.freeway.servlet.ContainerContractFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The transport contract over Jetty 12.1's native takeover ({@link JettyTransport}). */
class JettyContractTest extends ContainerContractFixture {
    @BeforeAll
    void start() throws Exception {
        startEmbedded("jetty");
    }

    @AfterAll
    void stop() throws Exception {
        stopEmbedded();
    }
}
