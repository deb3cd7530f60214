package dev.freeway.examples.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.client.transport.HttpClientTransportOverHTTP2;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.ExtensionConfig;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.JettyUpgradeListener;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * What the demo's {@code /echo} must do over HTTP/2 (RFC 8441) wherever the WAR runs on Jetty with
 * h2c, checked with Jetty's WebSocket client on Jetty's HTTP/2 transport (h2c by prior knowledge), an
 * independent RFC 8441 peer that opens each WebSocket as an extended CONNECT on an HTTP/2 stream.
 * Shared by the launcher's {@code --http2} test here and the stand-alone Jetty distribution tests.
 */
public final class Http2EchoCheck {
    private static final int MIB = 1024 * 1024;

    private Http2EchoCheck() {
    }

    /**
     * {@code echo} (its {@code ws:} URL) opens with a 200 on an HTTP/2 stream, echoes text and
     * binary up to 1 MiB, and a 1 MiB text with permessage-deflate agreed, and closes with 1000.
     */
    public static void echoesOverAnHttp2Stream(URI echo) throws Exception {
        echoesOverAnHttp2Stream(echo, new ClientConnector());
    }

    /**
     * As {@link #echoesOverAnHttp2Stream(URI)}, connecting through {@code connector}: for a
     * {@code wss:} URL, one whose TLS trusts the server (h2 is then chosen by ALPN).
     */
    public static void echoesOverAnHttp2Stream(URI echo, ClientConnector connector) throws Exception {
        WebSocketClient client = new WebSocketClient(
                new HttpClient(new HttpClientTransportOverHTTP2(new HTTP2Client(connector))));
        // Jetty's client refuses messages over 64 KiB by default, the 1 MiB echo included.
        client.setMaxTextMessageSize(2 * MIB);
        client.setMaxBinaryMessageSize(2 * MIB);
        client.start();
        try {
            Echoes plain = Echoes.connect(client, echo, new ClientUpgradeRequest());
            assertThat(plain.session.getUpgradeResponse().getStatusCode())
                    .as("RFC 8441 accepts the extended CONNECT with 200, not 101").isEqualTo(200);
            assertThat(plain.session.getUpgradeResponse().getExtensions()).as("nothing offered, nothing agreed").isEmpty();
            for (int size : new int[] {0, 125, 70_000, MIB}) {
                String text = "é".repeat(size / 2); // two UTF-8 bytes each
                send(c -> plain.session.sendText(text, c));
                assertThat(plain.next()).isEqualTo(text);
                byte[] bytes = new byte[size];
                new Random(size).nextBytes(bytes);
                send(c -> plain.session.sendBinary(ByteBuffer.wrap(bytes), c));
                assertThat(plain.next()).isEqualTo(bytes);
            }
            plain.closeWith1000();

            ClientUpgradeRequest offer = new ClientUpgradeRequest();
            offer.addExtensions("permessage-deflate");
            Echoes deflated = Echoes.connect(client, echo, offer);
            assertThat(deflated.session.getUpgradeResponse().getStatusCode()).isEqualTo(200);
            assertThat(deflated.session.getUpgradeResponse().getExtensions()).extracting(ExtensionConfig::getName)
                    .containsExactly("permessage-deflate");
            // compressible, across many deflate blocks
            String text = "over an HTTP/2 stream, deflated ".repeat(MIB / 32);
            send(c -> deflated.session.sendText(text, c));
            assertThat(deflated.next()).isEqualTo(text);
            deflated.closeWith1000();
        } finally {
            client.stop();
        }
    }

    private static void send(java.util.function.Consumer<Callback> sending) throws Exception {
        Callback.Completable done = new Callback.Completable();
        sending.accept(done);
        done.get(20, TimeUnit.SECONDS);
    }

    /**
     * One WebSocket's received messages (String or byte[]) and close code. Public: Jetty calls
     * listeners through public method handles.
     */
    public static final class Echoes implements Session.Listener.AutoDemanding {
        private final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
        private final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private Session session;

        static Echoes connect(WebSocketClient client, URI uri, ClientUpgradeRequest request) throws Exception {
            Echoes echoes = new Echoes();
            // The listener leaves the stream to the WebSocket: Jetty's client (12.1.12) otherwise reads
            // it once more for the 200's content after the WebSocket opened, and may swallow the first
            // echo (servlet-upgrade's TunnelLeftToWebSocket tells the whole story).
            echoes.session = client.connect(echoes, uri, request, new JettyUpgradeListener() {
                @Override
                public void onHandshakeRequest(Request handshake) {
                    handshake.onResponseContentSource((response, content) -> { });
                }
            }).get(20, TimeUnit.SECONDS);
            return echoes;
        }

        @Override
        public void onWebSocketText(String message) {
            messages.add(message);
        }

        @Override
        public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
            messages.add(BufferUtil.toArray(payload));
            callback.succeed();
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason) {
            closed.complete(statusCode);
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            closed.completeExceptionally(cause);
        }

        Object next() throws InterruptedException {
            Object message = messages.poll(20, TimeUnit.SECONDS);
            assertThat(message).as("an echo within 20 s").isNotNull();
            return message;
        }

        /**
         * Closes with 1000 and waits for the server's answer, 1000 too. The close's own callback is not
         * awaited: Jetty's client aborts the connection once the answer arrives, and may fail that
         * callback though the close frame went out; the answer shows that it did.
         */
        void closeWith1000() throws Exception {
            session.close(1000, "bye", Callback.NOOP);
            assertThat(closed.get(20, TimeUnit.SECONDS)).as("the server's close code").isEqualTo(1000);
            assertThat(messages).as("nothing but the echoes").isEmpty();
        }
    }
}
