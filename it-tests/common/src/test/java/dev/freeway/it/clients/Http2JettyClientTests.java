package dev.freeway.it.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.client.AbstractConnectionPool;
import org.eclipse.jetty.client.Destination;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.client.transport.HttpClientTransportOverHTTP2;
import org.eclipse.jetty.websocket.client.JettyUpgradeListener;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * WebSockets over HTTP/2 (RFC 8441) with Jetty's WebSocket client on Jetty's HTTP/2 transport, which
 * opens each WebSocket as an extended CONNECT on a stream of one HTTP/2 connection. The whole
 * conversation of {@link JettyClientTests} (sizes up to 16 MiB, fragments, close codes, subprotocol,
 * permessage-deflate), and what is particular to HTTP/2: the 200, pings, and two WebSockets
 * multiplexed on one connection at once. Subclasses give the client and the connection: h2c by prior
 * knowledge ({@link Http2JettyClientIT}) or h2 over TLS chosen by ALPN ({@link Http2TlsJettyClientIT}).
 */
abstract class Http2JettyClientTests extends JettyClientTests {

    // one test class runs at a time in a module's JVM: its @BeforeAll sets these, @AfterAll clears them
    private static WebSocketClient client;
    private static String notServedHere;

    /**
     * Starts the client on Jetty's HTTP/2 transport when the module sets {@code property}; otherwise
     * every case will skip with {@code reason}.
     *
     * @param property the system property saying the container serves this kind of HTTP/2
     * @param reason what the skipped cases say
     * @param http2 makes the HTTP/2 client, called only when the container serves it
     */
    static void startClient(String property, String reason, java.util.concurrent.Callable<HTTP2Client> http2)
            throws Exception {
        if (!Boolean.getBoolean(property)) {
            notServedHere = reason;
            return;
        }
        notServedHere = null;
        client = startClient(new HttpClient(new HttpClientTransportOverHTTP2(http2.call())));
    }

    @AfterAll
    static void stopClient() throws Exception {
        if (client != null) {
            client.stop();
            client = null;
        }
    }

    /** Skips each case with the reason, so that the reports of the other lines say why. */
    @BeforeEach
    void servedHere() {
        assumeTrue(notServedHere == null, notServedHere);
    }

    @Override
    protected WebSocketClient client() {
        return client;
    }

    /**
     * Leaves the stream to the WebSocket: Jetty's client otherwise finishes the 200's HTTP response
     * after the WebSocket opened, reading the stream once to discard its content, and the server's
     * first DATA, should it be there already, is lost to the WebSocket (servlet-upgrade's
     * {@code TunnelLeftToWebSocket} tells the whole story).
     */
    @Override
    protected JettyUpgradeListener upgradeListener() {
        return new JettyUpgradeListener() {
            @Override
            public void onHandshakeRequest(Request request) {
                request.onResponseContentSource((response, content) -> { });
            }
        };
    }

    @Test
    void opensWithA200OnAnHttp2Stream() throws Exception {
        JettyRecorder recorder = connect(request());
        assertThat(recorder.session.getUpgradeResponse().getStatusCode()).as("RFC 8441 accepts with 200").isEqualTo(200);
        recorder.closeWith(1000);
    }

    @Test
    void answersPings() throws Exception {
        JettyRecorder recorder = connect(request());
        byte[] payload = "are you there".getBytes(StandardCharsets.UTF_8);
        send(c -> recorder.session.sendPing(ByteBuffer.wrap(payload), c));
        assertThat(recorder.nextPong()).isEqualTo(payload);
        recorder.closeWith(1000);
    }

    @Test
    void twoWebSocketsAtOnceOnOneConnection() throws Exception {
        JettyRecorder first = connect(request());
        JettyRecorder second = connect(request());
        for (int i = 0; i < 100; i++) {
            String a = "first " + i;
            String b = "second " + i;
            send(c -> first.session.sendText(a, c));
            send(c -> second.session.sendText(b, c));
        }
        for (int i = 0; i < 100; i++) {
            assertThat(first.nextText()).isEqualTo("first " + i);
            assertThat(second.nextText()).isEqualTo("second " + i);
        }
        int connections = 0;
        for (Destination destination : client().getHttpClient().getDestinations()) {
            connections += ((AbstractConnectionPool) destination.getConnectionPool()).getConnectionCount();
        }
        assertThat(connections).as("both WebSockets are streams of one HTTP/2 connection").isEqualTo(1);
        first.closeWith(1000);
        send(c -> second.session.sendText("still open", c));
        assertThat(second.nextText()).isEqualTo("still open");
        second.closeWith(4002);
    }
}
