package dev.freeway.servlet.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freeway.servlet.BigEchoEndpoint;
import dev.freeway.servlet.ChainEndpoint;
import dev.freeway.servlet.EchoEndpoint;
import dev.freeway.servlet.EmbeddedServer;
import dev.freeway.servlet.LargeEchoEndpoint;
import dev.freeway.servlet.PausingEndpoint;
import dev.freeway.servlet.RawClient;
import dev.freeway.servlet.ServletUpgradeTest;
import dev.freeway.servlet.WatchedEndpoint;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Jetty-native connection takeover ({@link JettyTakeover}) in embedded Jetty 12.1 (EE 11), with
 * clients that send no {@code Content-Length} in the handshake, which Jetty's own Servlet upgrade
 * cannot serve: Jetty's WebSocket client and a raw socket.
 */
public class JettyNativeUpgradeTest {
    private static final int LARGE = 16 << 20;

    private static EmbeddedServer server;
    private static WebSocketClient jetty;
    private static HttpClient http;

    @BeforeAll
    static void start() throws Exception {
        server = EmbeddedServer.start("jetty", EchoEndpoint.class, LargeEchoEndpoint.class, PausingEndpoint.class,
                WatchedEndpoint.class, BigEchoEndpoint.class, ChainEndpoint.class);
        http = HttpClient.newHttpClient();
        jetty = startedClient(new WebSocketClient());
    }

    /** {@code client} with room for the large echoes (32 MiB binary, 1 MiB text), started. */
    public static WebSocketClient startedClient(WebSocketClient client) throws Exception {
        client.setMaxBinaryMessageSize(32 << 20);
        client.setMaxTextMessageSize(1 << 20);
        client.start();
        return client;
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.stop();
        server.close();
    }

    /**
     * What Jetty's client receives, in order: texts as strings, binaries as heap copies, and how it
     * closed. Public, as Jetty calls it through public method handles.
     */
    public static final class Recorder implements Session.Listener.AutoDemanding {
        private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
        /** "CODE reason" once closed; exceptionally on an error. */
        final CompletableFuture<String> closing = new CompletableFuture<>();

        @Override
        public void onWebSocketText(String message) {
            received.add(message);
        }

        @Override
        public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
            received.add(ByteBuffer.allocate(payload.remaining()).put(payload).flip());
            callback.succeed();
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason, Callback callback) {
            closing.complete(statusCode + " " + reason);
            callback.succeed();
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            closing.completeExceptionally(cause);
        }

        public int closeCode() throws Exception {
            String how = closing.get(10, TimeUnit.SECONDS);
            return Integer.parseInt(how.substring(0, how.indexOf(' ')));
        }

        /**
         * Closes {@code session} with 1000 and checks that the server answers alike. The close's own
         * callback is not awaited: Jetty's client fails it with ClosedChannelException when the
         * server's answer comes before its flusher reported the close frame written (it aborts the
         * connection on that answer), which a fast server makes likely.
         */
        public void closeNormally(Session session) throws Exception {
            session.close(1000, "bye", Callback.NOOP);
            assertThat(closeCode()).isEqualTo(1000);
        }

        public Object next() throws InterruptedException {
            Object m = received.poll(20, TimeUnit.SECONDS);
            assertThat(m).as("a message within 20 s (closed: %s)", closing.getNow("not yet")).isNotNull();
            return m;
        }
    }

    private static URI ws(String path) {
        return URI.create("ws://127.0.0.1:" + server.port() + "/app" + path);
    }

    private static Session connect(Recorder recorder, String path) throws Exception {
        return jetty.connect(recorder, ws(path)).get(10, TimeUnit.SECONDS);
    }

    public static void await(java.util.function.Consumer<org.eclipse.jetty.websocket.api.Callback> sending) throws Exception {
        org.eclipse.jetty.websocket.api.Callback.Completable done = new org.eclipse.jetty.websocket.api.Callback.Completable();
        sending.accept(done);
        done.get(20, TimeUnit.SECONDS);
    }

    @Test
    void echoesForJettysClientWhichSendsNoContentLength() throws Exception {
        Recorder r = new Recorder();
        echoesTextsOfEverySize(connect(r, "/echo/jetty"), r, "jetty");
    }

    /** Over a session with {@link EchoEndpoint}: texts across the frame-size boundaries come back prefixed with {@code name}. */
    public static void echoesTextsOfEverySize(Session session, Recorder r, String name) throws Exception {
        for (int size : new int[] {0, 125, 126, 65535, 65536, 500_000}) {
            String text = "y".repeat(size);
            await(c -> session.sendText(text, c));
            assertThat(r.next()).isEqualTo(name + ":" + text);
        }
        r.closeNormally(session);
    }

    @Test
    public void echoesSixteenMebibytes() throws Exception {
        Recorder r = new Recorder();
        echoesSixteenMebibytes(connect(r, "/large"), r);
    }

    /** Over a session with {@link LargeEchoEndpoint}: 16 MiB of random bytes come back whole. */
    public static void echoesSixteenMebibytes(Session session, Recorder r) throws Exception {
        byte[] large = new byte[LARGE];
        new Random(16).nextBytes(large);
        try {
            await(c -> session.sendBinary(ByteBuffer.wrap(large), c));
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError("the send failed; closed: " + r.closing.getNow("not yet"), e);
        }
        assertThat(r.next()).isEqualTo(ByteBuffer.wrap(large));
        r.closeNormally(session);
    }

    @Test
    void readsFramesThatCameTogetherWithTheHandshakeAndThoseAfterIt() throws Exception {
        byte[] early = concat(RawClient.textFrame("first"), RawClient.textFrame("second"));
        try (RawClient raw = RawClient.connect(server.port(), "/app/echo/raw", early)) {
            assertThat(raw.read().text()).isEqualTo("raw:first");
            assertThat(raw.read().text()).isEqualTo("raw:second");
            raw.send(RawClient.textFrame("after the 101"));
            assertThat(raw.read().text()).isEqualTo("raw:after the 101");
            raw.send(RawClient.closeFrame(1000));
            RawClient.Frame close = raw.read();
            assertThat(close.opcode()).isEqualTo(RawClient.CLOSE);
            assertThat(close.closeCode()).isEqualTo(1000);
            assertThat(raw.serverClosesConnection()).as("the server closes the TCP connection").isTrue();
        }
    }

    @Test
    void serverClosesWithItsCode() throws Exception {
        Recorder r = new Recorder();
        Session session = connect(r, "/large");
        await(c -> session.sendText("close:4001", c));
        assertThat(r.closeCode()).isEqualTo(4001);

        try (RawClient raw = RawClient.connect(server.port(), "/app/large", new byte[0])) {
            raw.send(RawClient.textFrame("close:4002"));
            RawClient.Frame close = raw.read();
            assertThat(close.opcode()).isEqualTo(RawClient.CLOSE);
            assertThat(close.closeCode()).isEqualTo(4002);
            raw.send(RawClient.closeFrame(4002));
            assertThat(raw.serverClosesConnection()).as("the server closes the TCP connection").isTrue();
        }
    }

    @Test
    void aPausedSessionHoldsThePeerBackAndLosesNothing() throws Exception {
        byte[] payload = new byte[LARGE];
        new Random(7).nextBytes(payload);
        String expected = LARGE + " " + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload));
        try (RawClient raw = RawClient.connect(server.port(), "/app/pause", new byte[0])) {
            raw.send(RawClient.textFrame("pause"));
            assertThat(raw.read().text()).isEqualTo("paused");

            byte[] frame = RawClient.frame(RawClient.BINARY, true, payload);
            AtomicLong written = new AtomicLong();
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                try {
                    for (int at = 0; at < frame.length; at += 65536) {
                        int n = Math.min(65536, frame.length - at);
                        raw.send(java.util.Arrays.copyOfRange(frame, at, at + n));
                        written.addAndGet(n);
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            // Wait until the writer is stuck: the server reads nothing, the socket buffers are full.
            long seen = -1;
            for (int i = 0; i < 100 && written.get() != seen && !writing.isDone(); i++) {
                seen = written.get();
                Thread.sleep(200);
            }
            assertThat(writing).as("the client cannot write it all while the server is paused").isNotDone();
            assertThat(written.get()).isLessThan(frame.length);

            Recorder other = new Recorder();
            Session resumer = connect(other, "/pause");
            await(c -> resumer.sendText("resume-others", c));
            assertThat(other.next()).isEqualTo("resumed 1");
            writing.get(60, TimeUnit.SECONDS);
            assertThat(raw.read().text()).isEqualTo(expected);
            other.closeNormally(resumer);
        }
    }

    /**
     * {@code @OnMessage} runs on the Jetty thread that read the message: a blocking send of 4 MiB
     * from it, to a client that reads nothing for a while and meanwhile keeps sending, must not
     * deadlock (its completion comes on another thread), and every echo comes back intact, in order.
     */
    @Test
    void aBlockingSendOfALargeMessageWhileThePeerKeepsSending() throws Exception {
        ServletUpgradeTest.GatedCollector c = new ServletUpgradeTest.GatedCollector();
        WebSocket ws = connectJdk("/big", c);
        ServletUpgradeTest.blockingSendsComeBackWhileThePeerKeepsSending(ws, c);
        ws.sendClose(1000, "bye").get(10, TimeUnit.SECONDS);
        assertThat(c.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1000);
    }

    /**
     * Twenty thousand asynchronous sends, each made from the completion of the one before (Jetty
     * completes most writes inside its write call, on the sending thread): all arrive, in order.
     */
    @Test
    void sendsChainedFromWriteCompletions() throws Exception {
        ServletUpgradeTest.Collector c = new ServletUpgradeTest.Collector();
        WebSocket ws = connectJdk("/chain", c);
        ServletUpgradeTest.sendsAChainAndGetsItInOrder(ws, c, 20_000);
        ws.sendClose(1000, "bye").get(10, TimeUnit.SECONDS);
        assertThat(c.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1000);
    }

    private static WebSocket connectJdk(String path, WebSocket.Listener listener) throws Exception {
        return http.newWebSocketBuilder().buildAsync(URI.create("ws://localhost:" + server.port() + "/app" + path),
                listener).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aVanishingClientEndsItsSessionWith1006() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ServletUpgradeTest.Collector watcher = new ServletUpgradeTest.Collector();
        WebSocket watching = http.newWebSocketBuilder().buildAsync(ws("/watched"), watcher).get(10, TimeUnit.SECONDS);

        try (RawClient raw = RawClient.connect(server.port(), "/app/watched", new byte[0])) {
            raw.send(RawClient.textFrame("here"));
            assertThat(raw.read().text()).isEqualTo("here");
            raw.vanish();
        }
        assertThat(watcher.next()).isEqualTo("closed 1006");

        try (RawClient raw = RawClient.connect(server.port(), "/app/watched", new byte[0])) {
            byte[] frame = RawClient.textFrame("cut short in the middle of its frame");
            raw.send(java.util.Arrays.copyOf(frame, frame.length / 2));
            raw.vanish();
        }
        assertThat(watcher.next()).isEqualTo("closed 1006");
        watching.sendClose(1000, "bye").get(10, TimeUnit.SECONDS);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            all.writeBytes(p);
        }
        return all.toByteArray();
    }
}
