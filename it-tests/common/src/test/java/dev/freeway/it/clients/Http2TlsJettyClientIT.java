package dev.freeway.it.clients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freeway.it.jetty.AbstractJettyContainer;
import dev.freeway.it.support.FreewayWar;
import java.net.URI;
import java.net.URL;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The cases of {@link Http2JettyClientTests} over h2: HTTP/2 over TLS, chosen by ALPN among h2 and
 * http/1.1 on the container's TLS connector, so each WebSocket is a {@code wss:} extended CONNECT on
 * a TLS stream. The client trusts only the certificate the container made at start-up, and checks
 * that it names {@code localhost}.
 *
 * <p>Runs where the module says the container serves h2 over TLS ({@code freeway.it.h2tls}: the Jetty
 * containers, configured with {@code h2Tls} in arquillian.xml, which publish the connector's port and
 * key store as {@link AbstractJettyContainer#TLS_PORT} and {@link AbstractJettyContainer#TLS_KEY_STORE}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class Http2TlsJettyClientIT extends Http2JettyClientTests {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return FreewayWar.create("h2tls-client", ClientsEchoEndpoint.class);
    }

    @BeforeAll
    static void start() throws Exception {
        startClient("freeway.it.h2tls", "the container serves no h2 over TLS (ALPN) with RFC 8441", () -> {
            SslContextFactory.Client tls = new SslContextFactory.Client();
            // the JDK trusts the certificate of the store's key entry: the container's self-signed one
            tls.setTrustStorePath(System.getProperty(AbstractJettyContainer.TLS_KEY_STORE));
            tls.setTrustStorePassword(AbstractJettyContainer.TLS_PASSWORD);
            tls.setTrustStoreType("PKCS12");
            ClientConnector connector = new ClientConnector();
            connector.setSslContextFactory(tls);
            return new HTTP2Client(connector);
        });
    }

    /** The deployment's path on the TLS connector, by the certificate's name rather than its address. */
    @Override
    protected URI uri(URL base, String path) {
        return URI.create("wss://localhost:" + System.getProperty(AbstractJettyContainer.TLS_PORT) + base.getPath() + path);
    }

    @Test
    void isSecureOnAnH2Stream() throws Exception {
        JettyRecorder recorder = connect(request());
        assertThat(recorder.session.isSecure()).as("the WebSocket runs over TLS").isTrue();
        assertThat(recorder.session.getUpgradeResponse().getStatusCode()).as("RFC 8441 accepts with 200").isEqualTo(200);
        recorder.closeWith(1000);
    }
}
