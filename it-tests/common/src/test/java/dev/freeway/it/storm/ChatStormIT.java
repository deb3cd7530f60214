package dev.freeway.it.storm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freeway.it.probe.ProbeDeployer;
import dev.freeway.it.probe.ProbeServlet;
import dev.freeway.it.probe.SessionProbe;
import dev.freeway.it.support.FreewayWar;
import dev.freeway.it.support.JdkClient;
import dev.freeway.it.support.ProbeReport;
import dev.freeway.it.support.RawHttpConnection;
import dev.freeway.it.support.RawWebSocket;
import java.net.URL;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The chat storm of issue 14: talkers broadcast 4 KiB lines to a room in which one member never
 * reads (each talker sends its next line once its last came back, so it is the one member that
 * falls behind). Asynchronous sends to that member must neither hold worker threads (the server's
 * {@code freeway-worker} threads stay within {@code dev.freeway.maxWorkerThreads}) nor memory
 * (what Freeway holds for it stays within {@code dev.freeway.maxOutboundBytes}); it is dropped
 * after the send timeout, and every other member gets every line.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChatStormIT {

    private static final int TALKERS = 20;
    private static final int LINES = 100;
    private static final int LINE_SIZE = 4 * 1024;
    private static final int MAX_WORKERS = 8;
    private static final long MAX_OUTBOUND_BYTES = 1024 * 1024;
    private static final long SEND_TIMEOUT_MILLIS = 10_000;
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return FreewayWar.contextParams(
                FreewayWar.create("storm", ChatRoomEndpoint.class, ChatDeployer.class, ProbeDeployer.class,
                        SessionProbe.class, ProbeServlet.class),
                Map.of("dev.freeway.maxWorkerThreads", String.valueOf(MAX_WORKERS),
                        "dev.freeway.asyncSendTimeout", String.valueOf(SEND_TIMEOUT_MILLIS),
                        "dev.freeway.maxOutboundBytes", String.valueOf(MAX_OUTBOUND_BYTES)));
    }

    /** Counts the lines a talker receives, reading as fast as they come, and notes its own coming back. */
    private static final class Counting implements WebSocket.Listener {
        final AtomicInteger lines = new AtomicInteger();
        final Semaphore ownLines = new Semaphore(0);
        private final String own;
        /** The start of the message being received, until long enough to tell whose line it is. */
        private final StringBuilder head = new StringBuilder();
        private boolean told;

        Counting(int talker) {
            this.own = "t" + talker + " line ";
        }

        @Override
        public void onOpen(WebSocket ws) {
            ws.request(Long.MAX_VALUE);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            // a message may come in parts split anywhere, even inside its first few characters
            if (!told && head.length() < own.length()) {
                head.append(data, 0, Math.min(data.length(), own.length() - head.length()));
            }
            if (!told && head.length() == own.length()) {
                told = true;
                if (head.toString().equals(own)) {
                    ownLines.release();
                }
            }
            if (last) {
                lines.incrementAndGet();
                head.setLength(0);
                told = false;
            }
            return null;
        }
    }

    @Test
    void aMemberThatNeverReadsHoldsNeitherThreadsNorMemoryAndTheOthersAreServed() throws Exception {
        ProbeReport before = ProbeReport.fetch(base, "probe");
        int threadsBefore = Thread.activeCount();
        // a handshake, then nothing is ever read; a small receive buffer keeps the kernel from reading for it
        try (RawWebSocket slow = RawWebSocket.connect(RawHttpConnection.open(base, 8 * 1024), base, "chat?name=slow",
                "Content-Length: 0");
             ThreadSampler sampler = new ThreadSampler("freeway-worker")) {
            List<WebSocket> talkers = new ArrayList<>();
            List<Counting> counts = new ArrayList<>();
            for (int t = 0; t < TALKERS; t++) {
                Counting c = new Counting(t);
                counts.add(c);
                talkers.add(JdkClient.await(JdkClient.HTTP.newWebSocketBuilder().buildAsync(JdkClient.ws(base, "chat?name=t" + t), c)));
            }
            List<CompletableFuture<Void>> talking = new ArrayList<>();
            for (int t = 0; t < TALKERS; t++) {
                talking.add(talk(talkers.get(t), counts.get(t), t));
            }
            CompletableFuture.allOf(talking.toArray(new CompletableFuture[0])).get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);

            ProbeReport slowGone = ProbeReport.await(base, "probe", PATIENCE,
                    r -> r.eventsSince(before).stream().anyMatch(e -> e.startsWith("member slow closed")));
            String slowEvent = slowGone.eventsSince(before).stream()
                    .filter(e -> e.startsWith("member slow closed")).findFirst().orElseThrow();
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (counts.stream().anyMatch(c -> c.lines.get() < TALKERS * LINES) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            for (WebSocket ws : talkers) {
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(30, TimeUnit.SECONDS);
            }
            sampler.close();
            ProbeReport after = ProbeReport.await(base, "probe", PATIENCE,
                    r -> r.eventsSince(before).stream().filter(e -> e.startsWith("member t")).count() == TALKERS);
            List<String> talkerEvents = after.eventsSince(before).stream().filter(e -> e.startsWith("member t")).toList();
            talkerEvents.forEach(System.out::println);
            System.out.printf("chat storm: %d freeway-worker threads at most (bound %d), %d threads at most"
                    + " (%d before); %s%n", sampler.maxNamed(), MAX_WORKERS, sampler.maxAll(), threadsBefore, slowEvent);

            if ("virtual".equals(System.getProperty("dev.freeway.executor"))) {
                // Sessions run on virtual threads: no platform worker at all, and the JVM's platform
                // threads stay those of the container, the test's clients and talkers (some 60 here)
                // and the carriers (one a core), where the storm once grew 8,598.
                assertThat(sampler.maxNamed()).as("platform worker threads").isZero();
                assertThat(sampler.maxAll()).as("platform threads").isLessThan(threadsBefore + 4 * TALKERS + 64);
            } else {
                assertThat(sampler.maxNamed()).as("worker threads").isBetween(1, MAX_WORKERS);
            }
            assertThat(talkerEvents).as("no send to a talker failed")
                    .allSatisfy(e -> assertThat(e).contains(" closed 1000 ").endsWith(" refused=0 failed=0"));
            assertThat(counts).as("every talker got every line").allSatisfy(c ->
                    assertThat(c.lines.get()).isEqualTo(TALKERS * LINES));
            // the silent member: dropped after the send timeout (1006 to the application), sends
            // beyond the limit refused, never more than the limit (and one line's frame) held for it
            assertThat(slowEvent).startsWith("member slow closed 1006 ");
            assertThat(number(slowEvent, "refused")).isPositive();
            assertThat(number(slowEvent, "maxBuffered")).isBetween(1L, MAX_OUTBOUND_BYTES + LINE_SIZE + 16);
        }
    }

    /**
     * One talker's lines, each sent once its previous one came back through the room, as people
     * chat: the talkers read, so only the silent member may fall behind.
     */
    private static CompletableFuture<Void> talk(WebSocket ws, Counting counting, int talker) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                for (int i = 0; i < LINES; i++) {
                    ws.sendText(line(talker, i), true).get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
                    if (!counting.ownLines.tryAcquire(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                        throw new AssertionError("talker " + talker + "'s line " + i + " never came back");
                    }
                }
                done.complete(null);
            } catch (Exception | AssertionError e) {
                done.completeExceptionally(e);
            }
        }, "talker-" + talker);
        thread.setDaemon(true);
        thread.start();
        return done;
    }

    private static String line(int talker, int i) {
        String head = "t" + talker + " line " + i + " ";
        return head + "x".repeat(LINE_SIZE - head.length());
    }

    private static long number(String event, String key) {
        return Long.parseLong(event.replaceAll(".*" + key + "=(\\d+).*", "$1"));
    }
}
