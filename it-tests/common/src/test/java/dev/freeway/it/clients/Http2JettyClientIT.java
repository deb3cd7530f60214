package dev.freeway.it.clients;

import dev.freeway.it.support.FreewayWar;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The cases of {@link Http2JettyClientTests} over cleartext HTTP/2 (h2c by prior knowledge), on the
 * container's HTTP port beside HTTP/1.1.
 *
 * <p>Runs where the module says the container serves h2c with RFC 8441 ({@code freeway.it.h2c}: the
 * Jetty containers, configured with {@code http2} in arquillian.xml). Tomcat has no RFC 8441; its
 * HTTP/1.1 WebSockets beside h2c are tested in servlet-upgrade's {@code Http2TomcatTest}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class Http2JettyClientIT extends Http2JettyClientTests {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return FreewayWar.create("h2-client", ClientsEchoEndpoint.class);
    }

    @BeforeAll
    static void start() throws Exception {
        startClient("freeway.it.h2c", "the container serves no h2c with RFC 8441", HTTP2Client::new);
    }
}
