package dev.freeway.examples.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freeway.examples.launcher.ContainerKind;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.client.transport.HttpClientTransportOverHTTP2;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.JettyUpgradeListener;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The launcher's {@code --http2}: h2c on both containers, and on Jetty the demo's {@code /echo} over
 * an HTTP/2 stream (RFC 8441's extended CONNECT, answered with 200), with Jetty's WebSocket client on
 * its HTTP/2 transport as the independent client.
 */
class DemoHttp2IT {

    /** The first text the client receives. Public: Jetty calls listeners through public method handles. */
    public static final class FirstText implements Session.Listener.AutoDemanding {
        final CompletableFuture<String> text = new CompletableFuture<>();

        @Override
        public void onWebSocketText(String message) {
            text.complete(message);
        }
    }

    @ParameterizedTest
    @EnumSource(ContainerKind.class)
    void servesHttp2BesideHttp11(ContainerKind kind) throws Exception {
        try (DemoProcess demo = DemoProcess.start(kind, List.of("--http2"))) {
            HttpClient h2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
            HttpResponse<String> page = h2.send(HttpRequest.newBuilder(demo.http()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.version()).isEqualTo(HttpClient.Version.HTTP_2);
        }
    }

    @Test
    void jettyEchoesOverAnHttp2Stream() throws Exception {
        WebSocketClient client = new WebSocketClient(new org.eclipse.jetty.client.HttpClient(
                new HttpClientTransportOverHTTP2(new HTTP2Client())));
        client.start();
        try (DemoProcess demo = DemoProcess.start(ContainerKind.JETTY, List.of("--http2"))) {
            FirstText first = new FirstText();
            CompletableFuture<String> echoed = first.text;
            // The listener leaves the stream to the WebSocket: Jetty's client otherwise reads it once
            // more for the 200's content after the WebSocket opened, and may swallow the echo
            // (servlet-upgrade's TunnelLeftToWebSocket tells the whole story).
            Session session = client.connect(first, demo.ws("echo"), new JettyUpgradeListener() {
                @Override
                public void onHandshakeRequest(org.eclipse.jetty.client.Request request) {
                    request.onResponseContentSource((response, content) -> { });
                }
            }).get(20, TimeUnit.SECONDS);
            assertThat(session.getUpgradeResponse().getStatusCode()).as("RFC 8441 accepts with 200").isEqualTo(200);
            session.sendText("over an HTTP/2 stream", Callback.NOOP);
            assertThat(echoed.get(20, TimeUnit.SECONDS)).isEqualTo("over an HTTP/2 stream");
            session.close(1000, "bye", Callback.NOOP);
        } finally {
            client.stop();
        }
    }
}
