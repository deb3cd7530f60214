package dev.freeway.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.freeway.container.OutboundFullException;
import dev.freeway.container.SendTimeoutException;
import dev.freeway.engine.Close;
import jakarta.websocket.CloseReason;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The contract every transport keeps, run over each of them with real sockets (the session on the
 * transport's side, a {@link RawPeer} at the other end): the same cases for Tomcat, Jetty, the
 * generic Servlet upgrade and the client's NIO transport; {@link WriteQueueTest} runs the queue's
 * own cases over an in-memory port. A subclass starts its server or client once and says how to
 * open one connection.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class TransportContract {
    private static final int LARGE = 64 * 1024;
    /** The sessions' default bound on what may wait for a slow peer. */
    private static final long MAX_OUTBOUND = 4L * 1024 * 1024;

    /** Serves every connection the subclass opens. */
    protected final ContractEndpoint endpoint = new ContractEndpoint();

    /** Opens one connection over the transport under test. */
    protected abstract Connected connect() throws Exception;

    /** The session on the transport's side, and the raw peer at the other end. */
    public record Connected(Session session, RawPeer peer) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            peer.close();
            if (session.isOpen()) {
                session.close();
            }
        }
    }

    /**
     * Two threads send blocking, two chain async sends (each next send from the previous one's
     * callback, so writes start from completions too), all at once: every sender's messages arrive
     * whole and in its order. (Async sends fired from one thread without waiting are not in this
     * case: the session may run one on its executor while another thread holds the outbound side.)
     */
    @Test
    void eachSendersMessagesArriveInOrderUnderConcurrentSenders() throws Exception {
        int each = 250;
        try (Connected c = connect()) {
            Sends sends = new Sends(2 * each);
            ConcurrentLinkedQueue<Throwable> blockingFailures = new ConcurrentLinkedQueue<>();
            ExecutorService threads = Executors.newFixedThreadPool(4);
            CountDownLatch go = new CountDownLatch(1);
            try {
                for (int s = 0; s < 2; s++) {
                    int sender = s;
                    threads.execute(() -> {
                        awaitLatch(go);
                        try {
                            for (int i = 0; i < each; i++) {
                                c.session().getBasicRemote().sendBinary(ByteBuffer.wrap(tagged(sender, i, size(i))));
                            }
                        } catch (IOException | RuntimeException e) {
                            blockingFailures.add(e);
                        }
                    });
                }
                for (int s = 2; s < 4; s++) {
                    int sender = s;
                    threads.execute(() -> {
                        awaitLatch(go);
                        sends.chain(c.session(), (sender - 2) * each, each, i -> tagged(sender, i, size(i)));
                    });
                }
                go.countDown();
                int[] next = new int[4];
                for (int k = 0; k < 4 * each; k++) {
                    byte[] m = c.peer().readMessage();
                    int sender = m[0];
                    int i = ByteBuffer.wrap(m, 1, 4).getInt();
                    assertThat(i).as("sender %d's next message", sender).isEqualTo(next[sender]++);
                    assertThat(m).isEqualTo(tagged(sender, i, m.length));
                }
            } finally {
                // Senders finish on their own once the peer has read everything: a blocking send
                // returns when its completion is reported, which may come after the peer has the bytes.
                threads.shutdown();
                if (!threads.awaitTermination(10, TimeUnit.SECONDS)) {
                    threads.shutdownNow();
                }
            }
            sends.awaitAllOnce();
            assertThat(sends.failures).isEmpty();
            assertThat(blockingFailures).isEmpty();
        }
    }

    private static int size(int i) {
        return 8 + (i % 5) * 500;
    }

    @Test
    void aLargeMessageArrivesWholeThroughPartialWrites() throws Exception {
        byte[] big = new byte[8 * 1024 * 1024];
        ThreadLocalRandom.current().nextBytes(big);
        try (Connected c = connect()) {
            Sends sends = new Sends(1);
            sends.send(c.session(), 0, big);
            Thread.sleep(200); // the peer is not reading yet: the transport's write stops part way
            assertThat(Arrays.equals(c.peer().readMessage(), big)).as("the 8 MiB arrived intact").isTrue();
            sends.awaitAllOnce();
            assertThat(sends.failures).isEmpty();
        }
    }

    @Test
    void aSlowPeerHoldsSendersBackAtTheSessionsBound() throws Exception {
        try (Connected c = connect()) {
            int most = 1000;
            Sends sends = new Sends(most);
            int accepted = 0;
            long pendingAtRefusal = -1;
            for (int i = 0; i < most && pendingAtRefusal < 0; i++) {
                long pending = sends.pending(i);
                sends.send(c.session(), i, tagged(0, i, LARGE));
                sends.awaitBriefly(i); // a refusal is told at once; an accepted send waits for the peer
                if (sends.refused.isEmpty()) {
                    accepted++;
                } else {
                    pendingAtRefusal = pending;
                }
            }
            assertThat(pendingAtRefusal).as("a send was refused before %d were waiting (failures: %s)", most, sends.failures)
                    .isPositive();
            assertThat((pendingAtRefusal + 1) * (LARGE + 14)).as("the bytes waiting when it was refused")
                    .isGreaterThan(MAX_OUTBOUND);
            for (int i = 0; i < accepted; i++) {
                assertThat(c.peer().readMessage()).isEqualTo(tagged(0, i, LARGE));
            }
            sends.awaitOnce(accepted + 1);
            assertThat(sends.failures).singleElement().matches(f -> is(f, OutboundFullException.class));
            assertThat(c.session().isOpen()).isTrue();
        }
    }

    @Test
    void aSendThePeerDoesNotTakeInTimeFailsOnceAndEndsTheSession() throws Exception {
        try (Connected c = connect()) {
            c.session().getAsyncRemote().setSendTimeout(500);
            int sent = fillUntilFailure(c.session(), new Sends(400));
            assertThat(sent).isPositive();
            await().atMost(Duration.ofSeconds(10)).until(() -> endpoint.closes(c.session()) == 1);
            await().atMost(Duration.ofSeconds(5)).until(() -> !c.session().isOpen()); // once onClose has returned
        }
    }

    @Test
    void closeWaitsForWhatWasSent() throws Exception {
        byte[] message = new byte[2 * 1024 * 1024];
        ThreadLocalRandom.current().nextBytes(message);
        try (Connected c = connect()) {
            Sends sends = new Sends(1);
            sends.send(c.session(), 0, message);
            // close() returns once its close frame is written, which a peer's flow control (an
            // HTTP/2 stream window smaller than the message) holds back until the peer reads
            CompletableFuture<Void> closing = CompletableFuture.runAsync(() -> {
                try {
                    c.session().close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "flushed"));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            Thread.sleep(200);
            assertThat(Arrays.equals(c.peer().readMessage(), message)).as("the message before the close").isTrue();
            Close close = c.peer().readClose();
            assertThat(close.code()).isEqualTo(1000);
            assertThat(close.reason()).isEqualTo("flushed");
            closing.get(10, TimeUnit.SECONDS);
            c.peer().sendClose(1000);
            assertThat(c.peer().readsEndOfStream()).isTrue();
            sends.awaitAllOnce();
            assertThat(sends.failures).isEmpty();
            await().atMost(Duration.ofSeconds(10)).until(() -> endpoint.closes(c.session()) == 1);
            assertThat(endpoint.errors(c.session())).isZero();
        }
    }

    /**
     * The end of the peer's input right behind its close frame (a TCP half-close; on HTTP/2 the
     * END_STREAM some clients send with it) must not cost the peer the close reply it is owed: the
     * reply goes out, then the connection ends.
     */
    @Test
    void aPeerThatEndsItsInputRightAfterItsCloseFrameStillGetsTheReply() throws Exception {
        for (int round = 0; round < 20; round++) {
            try (Connected c = connect()) {
                c.peer().sendClose(4003);
                c.peer().halfClose();
                assertThat(c.peer().readClose().code()).as("the close reply, round %d", round).isEqualTo(4003);
                assertThat(c.peer().readsEndOfStream()).isTrue();
                await().atMost(Duration.ofSeconds(10)).until(() -> endpoint.closes(c.session()) == 1);
                assertThat(endpoint.errors(c.session())).isZero();
            }
        }
    }

    @Test
    void aPeerResetMidWriteFailsEveryPendingSendExactlyOnce() throws Exception {
        try (Connected c = connect()) {
            Sends sends = new Sends(200);
            int sent = 0;
            // Fill what the peer does not read until sends stay pending: a send still pending
            // 300 ms later waits for the peer, while one that was only slow (a loaded machine)
            // would complete before the reset and leave nothing for it to fail.
            do {
                while (sent < 120 && sends.pending(sent) < 8) {
                    sends.send(c.session(), sent, tagged(0, sent, LARGE));
                    sent++;
                    Thread.sleep(2);
                }
                Thread.sleep(300);
            } while (sent < 120 && sends.pending(sent) == 0);
            assertThat(sends.pending(sent)).as("sends waiting for the peer").isPositive();
            c.peer().reset();
            int total = sent;
            await().atMost(Duration.ofSeconds(15)).until(() -> sends.completed(total) == total);
            await().atMost(Duration.ofSeconds(10)).until(() -> endpoint.closes(c.session()) == 1);
            assertThat(sends.failures).as("sends the reset failed").isNotEmpty();
            // A send after the end fails at once, and nothing is reported twice, even later.
            sends.send(c.session(), total, tagged(0, total, 16));
            await().atMost(Duration.ofSeconds(5)).until(() -> sends.completed(total + 1) == total + 1);
            Thread.sleep(300);
            sends.assertOnce(total + 1);
            assertThat(endpoint.closes(c.session())).isEqualTo(1);
            assertThat(endpoint.errors(c.session())).isLessThanOrEqualTo(1);
        }
    }

    /** Sends 64 KiB messages to a peer that reads nothing until one fails; returns how many were sent. */
    private int fillUntilFailure(Session session, Sends sends) throws InterruptedException {
        int sent = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (sends.failures.isEmpty() && System.nanoTime() < deadline && sent < 400) {
            if ((sends.pending(sent) + 1) * (LARGE + 14) < MAX_OUTBOUND) {
                sends.send(session, sent, tagged(0, sent, LARGE));
                sent++;
            } else {
                Thread.sleep(10);
            }
        }
        int total = sent;
        await().atMost(Duration.ofSeconds(10)).until(() -> sends.completed(total) == total);
        assertThat(sends.failures).as("a send timed out").isNotEmpty()
                .allSatisfy(f -> assertThat(f).isInstanceOf(IOException.class));
        assertThat(sends.failures).filteredOn(f -> is(f, SendTimeoutException.class)).isNotEmpty();
        sends.assertOnce(total);
        return total;
    }

    /** A message of {@code size} bytes (at least 5): the sender, the index, then bytes derived from both. */
    static byte[] tagged(int sender, int index, int size) {
        byte[] m = new byte[Math.max(size, 5)];
        m[0] = (byte) sender;
        ByteBuffer.wrap(m, 1, 4).putInt(index);
        for (int i = 5; i < m.length; i++) {
            m[i] = (byte) (index * 31 + sender + i);
        }
        return m;
    }

    /**
     * Whether {@code error} is of {@code type}, by name: in a web application Freeway's classes are
     * the web application's own, not these tests'.
     */
    private static boolean is(Throwable error, Class<?> type) {
        return error != null && error.getClass().getName().equals(type.getName());
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Async sends and how often each heard back: every one must hear exactly once. */
    private static final class Sends {
        final AtomicIntegerArray calls;
        final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Integer> refused = new ConcurrentLinkedQueue<>();
        private final AtomicIntegerArray sent;

        Sends(int capacity) {
            calls = new AtomicIntegerArray(capacity);
            sent = new AtomicIntegerArray(capacity);
        }

        void send(Session session, int id, byte[] message) {
            sent.set(id, 1);
            session.getAsyncRemote().sendBinary(ByteBuffer.wrap(message), (SendResult r) -> {
                calls.incrementAndGet(id);
                if (!r.isOK()) {
                    failures.add(r.getException());
                    if (is(r.getException(), OutboundFullException.class)) {
                        refused.add(id);
                    }
                }
            });
        }

        /** Sends {@code count} messages, each from the callback of the one before, ids from {@code first}. */
        void chain(Session session, int first, int count, java.util.function.IntFunction<byte[]> message) {
            chainFrom(session, first, 0, count, message);
        }

        private void chainFrom(Session session, int first, int i, int count, java.util.function.IntFunction<byte[]> message) {
            int id = first + i;
            sent.set(id, 1);
            session.getAsyncRemote().sendBinary(ByteBuffer.wrap(message.apply(i)), (SendResult r) -> {
                calls.incrementAndGet(id);
                if (!r.isOK()) {
                    failures.add(r.getException());
                } else if (i + 1 < count) {
                    chainFrom(session, first, i + 1, count, message);
                }
            });
        }

        /** Waits until send {@code id} heard back, or 50 ms. */
        void awaitBriefly(int id) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
            while (calls.get(id) == 0 && System.nanoTime() < end) {
                Thread.sleep(1);
            }
        }

        /** Sends among the first {@code n} still waiting. */
        long pending(int n) {
            long p = 0;
            for (int i = 0; i < n; i++) {
                if (sent.get(i) == 1 && calls.get(i) == 0) {
                    p++;
                }
            }
            return p;
        }

        int completed(int n) {
            int done = 0;
            for (int i = 0; i < n; i++) {
                if (calls.get(i) > 0) {
                    done++;
                }
            }
            return done;
        }

        void awaitAllOnce() {
            awaitOnce(calls.length());
        }

        void awaitOnce(int n) {
            await().atMost(Duration.ofSeconds(20)).until(() -> completed(n) == n);
            assertOnce(n);
        }

        void assertOnce(int n) {
            List<Integer> wrong = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (calls.get(i) != 1) {
                    wrong.add(i);
                }
            }
            assertThat(wrong).as("sends that did not hear back exactly once").isEmpty();
        }
    }
}
