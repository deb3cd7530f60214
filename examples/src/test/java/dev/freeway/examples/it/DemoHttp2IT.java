package dev.freeway.examples.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freeway.examples.launcher.ContainerKind;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The launcher's {@code --http2}: h2c on both containers, and on Jetty the demo's {@code /echo} over
 * an HTTP/2 stream (RFC 8441's extended CONNECT, answered with 200), with Jetty's WebSocket client on
 * its HTTP/2 transport as the independent client; with {@code --tls} too, the same over h2 chosen by
 * ALPN on the launcher's self-signed certificate.
 */
class DemoHttp2IT {

    @ParameterizedTest
    @EnumSource(ContainerKind.class)
    void servesHttp2BesideHttp11(ContainerKind kind) throws Exception {
        try (DemoProcess demo = DemoProcess.start(kind, List.of("--http2"))) {
            servesThePageOverHttp2(demo, HttpClient.newBuilder());
        }
    }

    /** h2 by ALPN on both; the JDK's client's WebSockets are HTTP/1.1 upgrades, which both still take. */
    @ParameterizedTest
    @EnumSource(ContainerKind.class)
    void servesH2WithTls(ContainerKind kind) throws Exception {
        try (DemoProcess demo = DemoProcess.start(kind, List.of("--http2", "--tls"))) {
            assertThat(demo.http().getScheme()).isEqualTo("https");
            servesThePageOverHttp2(demo, HttpClient.newBuilder().sslContext(TrustingTls.context()));
            try (JdkSocket echo = JdkSocket.open(demo.ws("echo"),
                    HttpClient.newBuilder().sslContext(TrustingTls.context()).build())) {
                echo.socket().sendText("over TLS", true).get(10, TimeUnit.SECONDS);
                assertThat(echo.nextText()).isEqualTo("over TLS");
            }
        }
    }

    private static void servesThePageOverHttp2(DemoProcess demo, HttpClient.Builder client) throws Exception {
        HttpClient h2 = client.version(HttpClient.Version.HTTP_2).build();
        HttpResponse<String> page = h2.send(HttpRequest.newBuilder(demo.http()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.version()).isEqualTo(HttpClient.Version.HTTP_2);
    }

    @Test
    void jettyEchoesOverAnHttp2Stream() throws Exception {
        try (DemoProcess demo = DemoProcess.start(ContainerKind.JETTY, List.of("--http2"))) {
            Http2EchoCheck.echoesOverAnHttp2Stream(demo.ws("echo"));
        }
    }

    @Test
    void jettyEchoesOverAnH2StreamWithTls() throws Exception {
        try (DemoProcess demo = DemoProcess.start(ContainerKind.JETTY, List.of("--http2", "--tls"))) {
            assertThat(demo.ws("echo").getScheme()).isEqualTo("wss");
            Http2EchoCheck.echoesOverAnHttp2Stream(demo.ws("echo"), TrustingTls.connector());
        }
    }
}
