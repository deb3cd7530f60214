package dev.freeway.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freeway.client.TestCertificate;
import dev.freeway.servlet.jetty.JettyNativeUpgradeTest;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.client.transport.HttpClientTransportOverHTTP2;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * WebSockets over h2, HTTP/2 over TLS chosen by ALPN, on embedded Jetty 12.1 (EE 11): Jetty's
 * WebSocket client on its HTTP/2 transport, trusting a certificate made for the test, opens
 * {@code wss:} WebSockets as extended CONNECTs on TLS streams.
 */
class Http2TlsJettyTest {
    private static EmbeddedServer server;
    private static WebSocketClient jetty;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        TestCertificate certificate = TestCertificate.generate(Files.createDirectories(dir.resolve("tls")));
        server = EmbeddedServer.startH2Tls(new EmbeddedServer.Tls(certificate.keyStore, TestCertificate.PASSWORD),
                EchoEndpoint.class, LargeEchoEndpoint.class);
        SslContextFactory.Client tls = new SslContextFactory.Client();
        tls.setSslContext(certificate.trustingContext());
        ClientConnector connector = new ClientConnector();
        connector.setSslContextFactory(tls);
        jetty = JettyNativeUpgradeTest.startedClient(
                new WebSocketClient(new HttpClient(new HttpClientTransportOverHTTP2(new HTTP2Client(connector)))));
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.stop();
        server.close();
    }

    private static Session connect(JettyNativeUpgradeTest.Recorder recorder, String path) throws Exception {
        URI uri = URI.create("wss://localhost:" + server.port() + "/app" + path);
        return jetty.connect(recorder, uri, TunnelLeftToWebSocket.INSTANCE).get(20, TimeUnit.SECONDS);
    }

    @Test
    void echoesOverAnH2Stream() throws Exception {
        JettyNativeUpgradeTest.Recorder r = new JettyNativeUpgradeTest.Recorder();
        Session session = connect(r, "/echo/h2");
        assertThat(session.getUpgradeResponse().getStatusCode()).as("RFC 8441 accepts with 200").isEqualTo(200);
        assertThat(session.isSecure()).isTrue();
        JettyNativeUpgradeTest.echoesTextsOfEverySize(session, r, "h2");
    }

    @Test
    void echoesSixteenMebibytes() throws Exception {
        JettyNativeUpgradeTest.Recorder r = new JettyNativeUpgradeTest.Recorder();
        JettyNativeUpgradeTest.echoesSixteenMebibytes(connect(r, "/large"), r);
    }
}
