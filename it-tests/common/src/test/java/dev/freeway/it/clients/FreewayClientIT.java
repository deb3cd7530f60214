package dev.freeway.it.clients;

import dev.freeway.it.support.ContainerDefects;
import dev.freeway.it.support.FreewayClient;
import dev.freeway.it.support.FreewayWar;
import jakarta.websocket.WebSocketContainer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Freeway's own client container ({@link FreewayClient}, loaded in a class loader of its own) against
 * Freeway's server. Freeway's client sends no {@code Content-Length} in the handshake, which Jetty's
 * Servlet upgrade cannot serve ({@link ContainerDefects#UPGRADE_INPUT_EOF}); Freeway's server takes
 * Jetty connections over through Jetty's core, so this runs on Jetty too.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FreewayClientIT extends JakartaClientTests {

    private static WebSocketContainer container;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return FreewayWar.create("freeway-client", ClientsEchoEndpoint.class);
    }

    @BeforeAll
    static void createContainer() {
        container = FreewayClient.newContainer();
    }

    @AfterAll
    static void closeContainer() throws Exception {
        FreewayClient.close(container);
    }

    @Override
    protected WebSocketContainer container() {
        return container;
    }
}
