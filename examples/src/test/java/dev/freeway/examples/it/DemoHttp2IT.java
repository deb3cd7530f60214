package dev.freeway.examples.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freeway.examples.launcher.ContainerKind;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The launcher's {@code --http2}: h2c on both containers, and on Jetty the demo's {@code /echo} over
 * an HTTP/2 stream (RFC 8441's extended CONNECT, answered with 200), with Jetty's WebSocket client on
 * its HTTP/2 transport as the independent client.
 */
class DemoHttp2IT {

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
        try (DemoProcess demo = DemoProcess.start(ContainerKind.JETTY, List.of("--http2"))) {
            Http2EchoCheck.echoesOverAnHttp2Stream(demo.ws("echo"));
        }
    }
}
