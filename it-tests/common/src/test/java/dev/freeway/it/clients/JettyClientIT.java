package dev.freeway.it.clients;

import dev.freeway.it.support.ContainerDefects;
import dev.freeway.it.support.FreewayWar;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Jetty's WebSocket client over HTTP/1.1 against Freeway ({@link JettyClientTests}).
 *
 * <p>Jetty's client sends no {@code Content-Length} in the handshake, which Jetty's own Servlet
 * upgrade cannot serve ({@link ContainerDefects#UPGRADE_INPUT_EOF}); on the Jetty servers Freeway
 * takes the connection over through Jetty's core instead, so this runs there too. On the Tomcat
 * modules the client runs with the Jetty 12.1.12 jars, next to a container that uses none of Jetty.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JettyClientIT extends JettyClientTests {

    private static WebSocketClient client;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return FreewayWar.create("jetty-client", ClientsEchoEndpoint.class);
    }

    @BeforeAll
    static void start() throws Exception {
        client = startClient(null);
    }

    @AfterAll
    static void stop() throws Exception {
        client.stop();
    }

    @Override
    protected WebSocketClient client() {
        return client;
    }
}
