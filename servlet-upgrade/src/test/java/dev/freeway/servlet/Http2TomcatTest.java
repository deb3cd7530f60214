package dev.freeway.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tomcat 11 with HTTP/2 on (its {@code Http2Protocol} upgrade protocol, h2c): Tomcat has no RFC 8441,
 * so it must not announce extended CONNECT, and WebSockets keep working over HTTP/1.1 beside HTTP/2
 * on the same port.
 */
class Http2TomcatTest {
    private static EmbeddedServer server;

    @BeforeAll
    static void start() throws Exception {
        server = EmbeddedServer.startH2c("tomcat", EchoEndpoint.class);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void servesHttp2ButDoesNotAnnounceExtendedConnect() throws Exception {
        HttpClient h2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpResponse<String> hello = h2.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/app/hello")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(hello.version()).as("h2c is on").isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(hello.body()).isEqualTo("hello");

        try (Http2Peer peer = new Http2Peer(server.port())) {
            assertThat(peer.serverEnablesConnectProtocol()).isFalse();
        }
    }

    @Test
    void webSocketsStillWorkOverHttp11() throws Exception {
        ServletUpgradeTest.Collector c = new ServletUpgradeTest.Collector();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/app/echo/tomcat"), c)
                .get(10, TimeUnit.SECONDS);
        ws.sendText("over HTTP/1.1", true).get(10, TimeUnit.SECONDS);
        assertThat(c.next()).isEqualTo("tomcat:over HTTP/1.1");
        ws.sendClose(1000, "bye").get(10, TimeUnit.SECONDS);
        assertThat(c.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1000);
    }
}
