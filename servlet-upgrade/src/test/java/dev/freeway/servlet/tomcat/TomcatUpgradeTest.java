package dev.freeway.servlet.tomcat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freeway.servlet.BigEchoEndpoint;
import dev.freeway.servlet.ChainEndpoint;
import dev.freeway.servlet.CloseWatchEndpoint;
import dev.freeway.servlet.DigestEndpoint;
import dev.freeway.servlet.EchoEndpoint;
import dev.freeway.servlet.EmbeddedServer;
import dev.freeway.servlet.ServletUpgradeTest;
import dev.freeway.servlet.StreamDigestEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Freeway's Tomcat-native connection takeover ({@link TomcatConnectionUpgrade}) in embedded
 * Tomcat 11, against the JDK's WebSocket client: sessions that stop reading while the peer
 * sends far more than the socket buffers hold, blocking sends of large messages while the peer
 * keeps sending, 16 MiB messages, closes from either side, a peer that vanishes, and the server
 * stopping.
 */
class TomcatUpgradeTest {
    private static EmbeddedServer server;
    private static HttpClient http;
    private static ScheduledExecutorService timer;

    @BeforeAll
    static void start() throws Exception {
        server = EmbeddedServer.start("tomcat", EchoEndpoint.class, DigestEndpoint.class, BigEchoEndpoint.class,
                CloseWatchEndpoint.class, StreamDigestEndpoint.class, ChainEndpoint.class);
        http = HttpClient.newHttpClient();
        timer = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterAll
    static void stop() throws Exception {
        timer.shutdownNow();
        server.close();
    }

    private static WebSocket connect(String path, WebSocket.Listener listener) throws Exception {
        return http.newWebSocketBuilder().buildAsync(URI.create("ws://localhost:" + server.port() + "/app" + path),
                listener).get(10, TimeUnit.SECONDS);
    }

    @Test
    void theTomcatWayIsChosenInTomcat() {
        assertThat(TomcatConnectionUpgrade.ifVisible(getClass().getClassLoader())).isPresent();
        assertThat(TomcatConnectionUpgrade.ifVisible(ClassLoader.getPlatformClassLoader())).isEmpty();
    }

    @Test
    void echoes() throws Exception {
        ServletUpgradeTest.Collector c = new ServletUpgradeTest.Collector();
        WebSocket ws = connect("/echo/t", c);
        for (int size : new int[] {0, 1, 125, 126, 65535, 65536, 300_000}) {
            byte[] bytes = random(size, size);
            ws.sendBinary(ByteBuffer.wrap(bytes), true).get(10, TimeUnit.SECONDS);
            assertThat((byte[]) c.next()).isEqualTo(bytes);
            ws.sendText("é".repeat(size / 2), true).get(10, TimeUnit.SECONDS);
            assertThat(c.next()).isEqualTo("t:" + "é".repeat(size / 2));
        }
        closeNormally(ws, c);
    }

    /**
     * The session sits on its first message while the client sends 48 MiB more; then every
     * message is read, whole, in order, byte for byte (the server answers each with its digest).
     */
    @Test
    void aPausedSessionResumesWithNothingLostOrReordered() throws Exception {
        sendsAndChecksDigests("/digest");
    }

    /** The same through an {@code InputStream} handler, whose full pipe pauses mid-message. */
    @Test
    void aStreamHandlerGetsEveryMessageByteForByte() throws Exception {
        sendsAndChecksDigests("/stream-digest");
    }

    private void sendsAndChecksDigests(String path) throws Exception {
        ServletUpgradeTest.Collector c = new ServletUpgradeTest.Collector();
        WebSocket ws = connect(path, c);
        int count = 96;
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] message = random(i, 512 * 1024 + i);
            expected.add(sha256(message) + ":" + message.length);
            ws.sendBinary(ByteBuffer.wrap(message), true).get(60, TimeUnit.SECONDS);
        }
        List<Object> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            answers.add(c.next());
        }
        assertThat(answers).containsExactlyElementsOf(expected);
        closeNormally(ws, c);
    }

    /**
     * A blocking send of 4 MiB from inside {@code @OnMessage} to a client that reads nothing for a
     * while, which meanwhile keeps sending: nothing deadlocks once the client reads again, and
     * every echo comes back intact and in order.
     */
    @Test
    void aBlockingSendOfALargeMessageWhileThePeerKeepsSending() throws Exception {
        ServletUpgradeTest.GatedCollector c = new ServletUpgradeTest.GatedCollector();
        WebSocket ws = connect("/big", c);
        ServletUpgradeTest.blockingSendsComeBackWhileThePeerKeepsSending(ws, c);
        closeNormally(ws, c);
    }

    /**
     * Twenty thousand asynchronous sends, each made from the completion of the one before (Tomcat
     * completes most writes inside its write call, on the sending thread): all arrive, in order.
     */
    @Test
    void sendsChainedFromWriteCompletions() throws Exception {
        ServletUpgradeTest.Collector c = new ServletUpgradeTest.Collector();
        WebSocket ws = connect("/chain", c);
        ServletUpgradeTest.sendsAChainAndGetsItInOrder(ws, c, 20_000);
        closeNormally(ws, c);
    }

    @Test
    void echoes16MiB() throws Exception {
        ServletUpgradeTest.Collector c = new ServletUpgradeTest.Collector();
        WebSocket ws = connect("/big", c);
        byte[] bytes = random(16, 16 << 20);
        ws.sendBinary(ByteBuffer.wrap(bytes), true).get(30, TimeUnit.SECONDS);
        assertThat((byte[]) c.next()).isEqualTo(bytes);
        closeNormally(ws, c);
    }

    @Test
    void closesFromEitherSideAndSeesAPeerVanish() throws Exception {
        ServletUpgradeTest.Collector watcher = new ServletUpgradeTest.Collector();
        WebSocket watch = connect("/close", watcher);

        ServletUpgradeTest.Collector byServer = new ServletUpgradeTest.Collector();
        WebSocket closedByServer = connect("/close", byServer);
        closedByServer.sendText("close 4001", true).get(10, TimeUnit.SECONDS);
        assertThat(byServer.closed.get(10, TimeUnit.SECONDS)).isEqualTo(4001);
        assertThat(watcher.next()).isEqualTo("closed:4001");

        ServletUpgradeTest.Collector byClient = new ServletUpgradeTest.Collector();
        WebSocket closedByClient = connect("/close", byClient);
        closedByClient.sendClose(4002, "leaving").get(10, TimeUnit.SECONDS);
        assertThat(byClient.closed.get(10, TimeUnit.SECONDS)).isEqualTo(4002);
        assertThat(watcher.next()).isEqualTo("closed:4002");

        WebSocket vanishing = connect("/close", new ServletUpgradeTest.Collector());
        vanishing.abort(); // the TCP connection goes, no close frame
        assertThat(watcher.next()).isEqualTo("closed:1006");

        closeNormally(watch, watcher);
    }

    /** Stopping Tomcat closes open sessions with 1001, a paused one included. */
    @Test
    void stoppingTheServerClosesWithGoingAway() throws Exception {
        EmbeddedServer own = EmbeddedServer.start("tomcat", EchoEndpoint.class, DigestEndpoint.class);
        URI base = URI.create("ws://localhost:" + own.port() + "/app");
        ServletUpgradeTest.Collector idle = new ServletUpgradeTest.Collector();
        ServletUpgradeTest.Collector paused = new ServletUpgradeTest.Collector();
        try {
            WebSocket i = http.newWebSocketBuilder().buildAsync(base.resolve("/app/echo/x"), idle).get(10, TimeUnit.SECONDS);
            // the session opens on the executor after the 101: an echo shows it is open
            i.sendText("here", true).get(10, TimeUnit.SECONDS);
            assertThat(idle.messages.poll(10, TimeUnit.SECONDS)).isNotNull();
            WebSocket p = http.newWebSocketBuilder().buildAsync(base.resolve("/app/digest"), paused)
                    .get(10, TimeUnit.SECONDS);
            p.sendBinary(ByteBuffer.wrap(random(3, 1000)), true).get(10, TimeUnit.SECONDS);
        } finally {
            own.close();
        }
        assertThat(idle.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1001);
        assertThat(paused.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1001);
    }

    private static void closeNormally(WebSocket ws, ServletUpgradeTest.Collector c) throws Exception {
        ws.sendClose(1000, "bye").get(10, TimeUnit.SECONDS);
        assertThat(c.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1000);
    }

    private static byte[] random(long seed, int size) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
