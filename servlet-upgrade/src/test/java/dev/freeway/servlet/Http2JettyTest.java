package dev.freeway.servlet;

import static dev.freeway.servlet.jetty.JettyNativeUpgradeTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.freeway.servlet.jetty.JettyNativeUpgradeTest;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.MetaData;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.client.transport.HttpClientTransportOverHTTP2;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * WebSockets over HTTP/2 (RFC 8441) on embedded Jetty 12.1 (EE 11) with h2c: Jetty's own WebSocket
 * client over its HTTP/2 transport (extended CONNECT) as the independent peer, and a hand-made
 * HTTP/2 peer ({@link Http2Peer}) for the handshake's refusals and a reset stream.
 */
class Http2JettyTest {

    private static EmbeddedServer server;
    private static WebSocketClient jetty;

    @BeforeAll
    static void start() throws Exception {
        server = EmbeddedServer.startH2c("jetty", EchoEndpoint.class, LargeEchoEndpoint.class, WatchedEndpoint.class,
                PausingEndpoint.class);
        org.eclipse.jetty.client.HttpClient http = new org.eclipse.jetty.client.HttpClient(
                new HttpClientTransportOverHTTP2(new HTTP2Client()));
        jetty = JettyNativeUpgradeTest.startedClient(new WebSocketClient(http));
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.stop();
        server.close();
    }

    private static Session connect(JettyNativeUpgradeTest.Recorder recorder, String path) throws Exception {
        URI uri = URI.create("ws://127.0.0.1:" + server.port() + "/app" + path);
        return jetty.connect(recorder, uri, TunnelLeftToWebSocket.INSTANCE).get(10, TimeUnit.SECONDS);
    }

    @Test
    void jettyAnnouncesExtendedConnect() throws Exception {
        try (Http2Peer peer = new Http2Peer(server.port())) {
            assertThat(peer.serverEnablesConnectProtocol()).isTrue();
        }
    }

    @Test
    void echoesOverAnHttp2Stream() throws Exception {
        JettyNativeUpgradeTest.Recorder r = new JettyNativeUpgradeTest.Recorder();
        Session session = connect(r, "/echo/h2");
        assertThat(session.getUpgradeResponse().getStatusCode()).as("RFC 8441 accepts with 200").isEqualTo(200);
        JettyNativeUpgradeTest.echoesTextsOfEverySize(session, r, "h2");
    }

    @Test
    void echoesSixteenMebibytesUnderFlowControl() throws Exception {
        JettyNativeUpgradeTest.Recorder r = new JettyNativeUpgradeTest.Recorder();
        JettyNativeUpgradeTest.echoesSixteenMebibytes(connect(r, "/large"), r);
    }

    @Test
    void serverClosesWithItsCode() throws Exception {
        JettyNativeUpgradeTest.Recorder r = new JettyNativeUpgradeTest.Recorder();
        Session session = connect(r, "/large");
        // Not awaited: Jetty's client may fail the send's callback (ClosedChannelException) when the
        // server's close arrives before its flusher reported the frame written; the close code shows it was.
        session.sendText("close:4001", org.eclipse.jetty.websocket.api.Callback.NOOP);
        assertThat(r.closeCode()).isEqualTo(4001);
    }

    @Test
    void twoWebSocketsShareOneConnection() throws Exception {
        JettyNativeUpgradeTest.Recorder a = new JettyNativeUpgradeTest.Recorder();
        JettyNativeUpgradeTest.Recorder b = new JettyNativeUpgradeTest.Recorder();
        Session first = connect(a, "/echo/a");
        Session second = connect(b, "/echo/b");
        for (int i = 0; i < 50; i++) {
            String m = "m" + i;
            await(c -> first.sendText(m, c));
            await(c -> second.sendText(m, c));
        }
        for (int i = 0; i < 50; i++) {
            assertThat(a.next()).isEqualTo("a:m" + i);
            assertThat(b.next()).isEqualTo("b:m" + i);
        }
        // Awaited: the connection of an earlier test's hand-made peer may still be going away; two
        // connections for these streams would both stay open.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(server.openConnections()).as("both streams on one HTTP/2 connection").isEqualTo(1));
        a.closeNormally(first);
        assertThat(second.isOpen()).as("closing one stream leaves the other").isTrue();
        await(c -> second.sendText("still here", c));
        assertThat(b.next()).isEqualTo("b:still here");
        b.closeNormally(second);
    }

    /**
     * An endpoint that pauses reading holds a fast peer back through HTTP/2 flow control, not by
     * buffering: the server stops consuming the stream, so it grants no more window, and the peer's
     * sends stop completing once the stream's window (512 KiB by Jetty's default) and what sits in the
     * client's queue are used up. Another WebSocket on the same HTTP/2 connection still gets through
     * and resumes it; then the whole 16 MiB arrives, in order (its SHA-256, taken part by part).
     */
    @Test
    void aPausedEndpointHoldsThePeerBackByFlowControl() throws Exception {
        int size = 16 << 20;
        int chunk = 64 << 10;
        byte[] payload = new byte[size];
        new java.util.Random(11).nextBytes(payload);
        String expected = size + " " + java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(payload));
        JettyNativeUpgradeTest.Recorder r = new JettyNativeUpgradeTest.Recorder();
        Session paused = connect(r, "/pause");
        await(c -> paused.sendText("pause", c));
        assertThat(r.next()).isEqualTo("paused");

        java.util.concurrent.atomic.AtomicLong completed = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.CompletableFuture<Void> sending = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                for (int at = 0; at < size; at += chunk) {
                    int n = Math.min(chunk, size - at);
                    java.nio.ByteBuffer part = java.nio.ByteBuffer.wrap(payload, at, n);
                    // each send waits for the one before: a send completes once its frame is written
                    org.eclipse.jetty.websocket.api.Callback.Completable done =
                            new org.eclipse.jetty.websocket.api.Callback.Completable();
                    paused.sendPartialBinary(part, at + n == size, done);
                    done.get(120, TimeUnit.SECONDS);
                    completed.addAndGet(n);
                }
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        // wait until the sends stop completing: nothing more for a second
        long seen = -1;
        for (int i = 0; i < 100 && completed.get() != seen && !sending.isDone(); i++) {
            seen = completed.get();
            Thread.sleep(1000);
        }
        System.out.printf("paused endpoint: the peer's sends stopped after %d KiB of %d KiB%n",
                completed.get() >> 10, size >> 10);
        assertThat(sending).as("the peer cannot send it all while the endpoint is paused").isNotDone();
        assertThat(completed.get()).as("what the peer got out, held to about the stream's window")
                .isLessThan(1L << 20);

        JettyNativeUpgradeTest.Recorder other = new JettyNativeUpgradeTest.Recorder();
        Session resumer = connect(other, "/pause");
        await(c -> resumer.sendText("resume-others", c));
        assertThat(other.next()).isEqualTo("resumed 1");
        sending.get(120, TimeUnit.SECONDS);
        assertThat(completed.get()).isEqualTo(size);
        assertThat(r.next()).as("all of it, in order").isEqualTo(expected);
        other.closeNormally(resumer);
        r.closeNormally(paused);
    }

    @Test
    void aStreamResetInTheMiddleOfAMessageEndsItsSessionWith1006() throws Exception {
        JettyNativeUpgradeTest.Recorder watcher = new JettyNativeUpgradeTest.Recorder();
        Session watching = connect(watcher, "/watched");
        try (Http2Peer peer = new Http2Peer(server.port())) {
            Http2Peer.Tunnel tunnel = peer.connect("/app/watched", "websocket",
                    HttpFields.build().put("sec-websocket-version", "13"));
            MetaData.Response response = tunnel.response.get(10, TimeUnit.SECONDS);
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getHttpFields().contains("Sec-WebSocket-Accept")).isFalse();
            // A whole message first, echoed: the session is open before the stream is reset.
            tunnel.send(RawClient.textFrame("here"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (tunnel.received().length < 6 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(new String(tunnel.received(), java.nio.charset.StandardCharsets.UTF_8)).endsWith("here");
            byte[] frame = RawClient.textFrame("cut short in the middle of its frame");
            tunnel.send(java.util.Arrays.copyOf(frame, frame.length / 2));
            tunnel.reset();
            assertThat(watcher.next()).isEqualTo("closed 1006");
        }
        watcher.closeNormally(watching);
    }

    /**
     * A peer that ends its stream (END_STREAM) right behind its close frame, on the same DATA frame
     * or on an empty one after it: the session's close reply still comes, then the server ends its
     * side of the stream, and the stream is gone from the server once the peer's end is read (an
     * end left unread kept every such stream in Jetty's HTTP/2 session, and the connection with them
     * open after the peer had left).
     */
    @Test
    void aPeerThatEndsItsStreamWithItsCloseFrameGetsTheCloseReply() throws Exception {
        byte[] reply = {(byte) 0x88, 2, 0x0f, (byte) 0xa3}; // 4003, unmasked
        int before = server.openConnections();
        try (Http2Peer peer = new Http2Peer(server.port())) {
            for (int round = 0; round < 20; round++) {
                Http2Peer.Tunnel tunnel = peer.connect("/app/echo/end", "websocket",
                        HttpFields.build().put("sec-websocket-version", "13"));
                assertThat(tunnel.status()).isEqualTo(200);
                if (round % 2 == 0) {
                    tunnel.sendLast(RawClient.closeFrame(4003));
                } else {
                    tunnel.send(RawClient.closeFrame(4003));
                    tunnel.sendLast(new byte[0]);
                }
                tunnel.ended.get(10, TimeUnit.SECONDS);
                assertThat(tunnel.received()).as("round %d", round).isEqualTo(reply);
            }
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(server.openConnections()).as("the peer's connection is gone").isEqualTo(before));
    }

    @Test
    void refusesAnotherProtocolAndAMissingVersion() throws Exception {
        try (Http2Peer peer = new Http2Peer(server.port())) {
            Http2Peer.Tunnel wrong = peer.connect("/app/echo/x", "webtransport",
                    HttpFields.build().put("sec-websocket-version", "13"));
            assertThat(wrong.status()).isEqualTo(400);
        }
        try (Http2Peer peer = new Http2Peer(server.port())) {
            Http2Peer.Tunnel noVersion = peer.connect("/app/echo/x", "websocket", HttpFields.build());
            assertThat(noVersion.status()).isEqualTo(400);
            assertThat(noVersion.response.get().getHttpFields().get("Sec-WebSocket-Version")).isEqualTo("13");
        }
    }
}
