package dev.freeway.servlet.tomcat;

import dev.freeway.servlet.ContainerContractFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The transport contract over Tomcat 11's native takeover ({@link TomcatTransport}). */
class TomcatContractTest extends ContainerContractFixture {
    @BeforeAll
    void start() throws Exception {
        startEmbedded("tomcat");
    }

    @AfterAll
    void stop() throws Exception {
        stopEmbedded();
    }
}
