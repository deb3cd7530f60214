package dev.freeway.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Freeway inside embedded Jetty 12.1 and Tomcat 11 through plain Servlet upgrade, talking to the
 * JDK's own WebSocket client. (The Arquillian suite in it-tests deploys real WARs; this checks the
 * module on its own.)
 */
public class ServletUpgradeTest {

    /** Collects whole messages from the JDK client. */
    public static class Collector implements WebSocket.Listener {
        public final LinkedBlockingQueue<Object> messages = new LinkedBlockingQueue<>();
        public final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder text = new StringBuilder();
        private java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                messages.add(text.toString());
                text.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            byte[] b = new byte[data.remaining()];
            data.get(b);
            binary.writeBytes(b);
            if (last) {
                messages.add(binary.toByteArray());
                binary = new java.io.ByteArrayOutputStream();
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        public Object next() throws InterruptedException {
            Object m = messages.poll(10, TimeUnit.SECONDS);
            assertThat(m).as("a message within 10 s").isNotNull();
            return m;
        }
    }

    /** A collector that reads nothing until {@link #open} (the JDK client's own flow control). */
    public static final class GatedCollector extends Collector {
        private volatile WebSocket ws;

        @Override
        public void onOpen(WebSocket webSocket) {
            ws = webSocket; // no request: the server's bytes wait in the network
        }

        void open() {
            ws.request(Long.MAX_VALUE);
        }
    }

    /**
     * Sends 4 MiB then 64 messages of 64 KiB to {@link BigEchoEndpoint} (which echoes each with a
     * blocking send from {@code @OnMessage}) while {@code c} reads nothing for half a second; checks
     * that every echo comes back intact and in order, and that every send completed.
     */
    public static void blockingSendsComeBackWhileThePeerKeepsSending(WebSocket ws, GatedCollector c) throws Exception {
        java.util.List<byte[]> sent = new java.util.ArrayList<>();
        sent.add(randomBytes(-1, 4 << 20));
        for (int i = 0; i < 64; i++) {
            sent.add(randomBytes(i, 64 * 1024));
        }
        CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
            for (byte[] m : sent) {
                ws.sendBinary(ByteBuffer.wrap(m), true).join();
            }
        });
        CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS).execute(c::open);
        for (byte[] m : sent) {
            assertThat((byte[]) c.next()).isEqualTo(m);
        }
        sending.get(10, TimeUnit.SECONDS);
    }

    private static byte[] randomBytes(long seed, int size) {
        byte[] b = new byte[size];
        new java.util.Random(seed).nextBytes(b);
        return b;
    }

    /** Asks {@link ChainEndpoint} for {@code count} chained sends and checks they all come, in order. */
    public static void sendsAChainAndGetsItInOrder(WebSocket ws, Collector c, int count) throws Exception {
        ws.sendText(Integer.toString(count), true).get(10, TimeUnit.SECONDS);
        for (int i = 0; i < count; i++) {
            assertThat(c.next()).isEqualTo(Integer.toString(i));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void echoesThroughServletUpgrade(String kind) throws Exception {
        try (EmbeddedServer server = EmbeddedServer.start(kind, EchoEndpoint.class, GreetingEndpoint.class)) {
            HttpClient http = HttpClient.newHttpClient();
            String base = "localhost:" + server.port() + "/app";
            // Requests that are not handshakes pass the filter untouched.
            assertThat(http.send(HttpRequest.newBuilder(URI.create("http://" + base + "/hello")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("hello");

            Collector c = new Collector();
            WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create("ws://" + base + "/echo/ann"), c)
                    .get(10, TimeUnit.SECONDS);
            for (int size : new int[] {0, 125, 126, 65535, 65536, 500_000}) {
                String text = "x".repeat(size);
                ws.sendText(text, true).get(10, TimeUnit.SECONDS);
                assertThat(c.next()).isEqualTo("ann:" + text);
                byte[] bytes = new byte[size];
                new Random(size).nextBytes(bytes);
                ws.sendBinary(ByteBuffer.wrap(bytes), true).get(10, TimeUnit.SECONDS);
                assertThat((byte[]) c.next()).isEqualTo(bytes);
            }
            ws.sendText("frag", false).get(10, TimeUnit.SECONDS);
            ws.sendText("mented", true).get(10, TimeUnit.SECONDS);
            assertThat(c.next()).isEqualTo("ann:fragmented");

            ws.sendClose(1000, "bye").get(10, TimeUnit.SECONDS);
            assertThat(c.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1000);

            // A blocking send in @OnOpen arrives at once (Tomcat allows writes only after init).
            Collector greeted = new Collector();
            long start = System.nanoTime();
            http.newWebSocketBuilder().buildAsync(URI.create("ws://" + base + "/greet"), greeted).get(10, TimeUnit.SECONDS);
            assertThat(greeted.next()).isEqualTo("welcome");
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(5);
        }
    }
}
