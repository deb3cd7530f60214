package dev.freeway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Random;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** {@code wss://} against Jetty serving a self-signed certificate for {@code localhost} made at test time. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsTest {
    private JettyServer jetty;
    private SSLContext trusting;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        TestCertificate cert = TestCertificate.generate(dir);
        trusting = cert.trustingContext();
        jetty = JettyServer.startTls(cert.keyStore, TestCertificate.PASSWORD);
    }

    @AfterAll
    void stop() throws Exception {
        jetty.close();
    }

    private URI uri(String host) {
        return URI.create("wss://" + host + ":" + jetty.port() + ServerEndpoints.ECHO);
    }

    @Test
    void echoesOverTlsWithAContextSetOnTheContainer() throws Exception {
        try (FreewayClientContainer client = new FreewayClientContainer()) {
            client.setSslContext(trusting);
            Recorder r = new Recorder();
            client.connectToServer(r, ClientEndpointConfig.Builder.create().build(), uri("localhost"));
            assertThat(r.session.isSecure()).isTrue();
            r.session.getBasicRemote().sendText("secret");
            assertThat(r.text()).isEqualTo("secret");
            byte[] bytes = new byte[3 << 20]; // many TLS records each way
            new Random(4).nextBytes(bytes);
            r.session.getBasicRemote().sendBinary(ByteBuffer.wrap(bytes));
            assertThat(r.binary()).isEqualTo(bytes);
            r.session.close();
            assertThat(r.awaitClose().getCloseCode()).isEqualTo(CloseReason.CloseCodes.NORMAL_CLOSURE);
        }
    }

    @Test
    void theEndpointConfigsContextWins() throws Exception {
        try (FreewayClientContainer client = new FreewayClientContainer()) {
            Recorder r = new Recorder();
            client.connectToServer(r, ClientEndpointConfig.Builder.create().sslContext(trusting).build(), uri("localhost"));
            r.session.getBasicRemote().sendText("per config");
            assertThat(r.text()).isEqualTo("per config");
        }
    }

    @Test
    void theJdkDefaultTrustStoreDoesNotTrustASelfSignedCertificate() throws Exception {
        try (FreewayClientContainer client = new FreewayClientContainer()) {
            assertThatThrownBy(() -> client.connectToServer(new Recorder(), null, uri("localhost")))
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("the TLS handshake with " + uri("localhost") + " failed")
                    .hasRootCauseInstanceOf(java.security.cert.CertPathBuilderException.class);
        }
    }

    @Test
    void aHostNameTheCertificateDoesNotNameIsRefused() throws Exception {
        try (FreewayClientContainer client = new FreewayClientContainer()) {
            client.setSslContext(trusting);
            // Same server, same trusted certificate, but reached as 127.0.0.1, which it does not name.
            assertThatThrownBy(() -> client.connectToServer(new Recorder(), null, uri("127.0.0.1")))
                    .isInstanceOf(IOException.class)
                    .hasCauseInstanceOf(SSLHandshakeException.class)
                    .hasMessageStartingWith("the TLS handshake with " + uri("127.0.0.1") + " failed: ")
                    .hasMessageContaining("No subject alternative names matching IP address 127.0.0.1");
            client.setHostnameVerification(false);
            Recorder r = new Recorder();
            client.connectToServer(r, null, uri("127.0.0.1"));
            r.session.getBasicRemote().sendText("unverified");
            assertThat(r.text()).isEqualTo("unverified");
        }
    }

    @Test
    void tlsThroughAProxyTunnel() throws Exception {
        try (FreewayClientContainer client = new FreewayClientContainer(); ConnectProxy proxy = new ConnectProxy()) {
            client.setSslContext(trusting);
            client.setProxy(proxy.address());
            Recorder r = new Recorder();
            client.connectToServer(r, null, uri("localhost"));
            assertThat(proxy.requests).containsExactly("CONNECT localhost:" + jetty.port() + " HTTP/1.1");
            r.session.getBasicRemote().sendText("tunnelled and encrypted");
            assertThat(r.text()).isEqualTo("tunnelled and encrypted");
        }
    }
}
