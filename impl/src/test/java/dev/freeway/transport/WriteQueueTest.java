package dev.freeway.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freeway.container.WriteCallback;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/**
 * The queue's own cases over an in-memory port that the test drives: it finishes writes at once,
 * later, or fails them, as each case needs. {@link TransportContract} runs the same properties over
 * the real transports.
 */
class WriteQueueTest {

    /** A port that keeps every batch for the test to report, or reports at once. */
    private static final class Port implements WritePort {
        final List<ByteBuffer[]> writes = new CopyOnWriteArrayList<>();
        final List<WriteBatch> batches = new CopyOnWriteArrayList<>();
        volatile boolean inline;

        @Override
        public void write(ByteBuffer[] buffers, WriteBatch batch) {
            writes.add(buffers);
            batches.add(batch);
            if (inline) {
                batch.succeeded();
            }
        }

        WriteBatch last() {
            return batches.get(batches.size() - 1);
        }
    }

    private static ByteBuffer[] bytes(int tag) {
        return new ByteBuffer[] {ByteBuffer.wrap(new byte[] {(byte) tag})};
    }

    /** Records each callback's outcome, and how often it came. */
    private static final class Calls {
        final ConcurrentHashMap<Integer, AtomicInteger> count = new ConcurrentHashMap<>();
        final ConcurrentHashMap<Integer, Throwable> errors = new ConcurrentHashMap<>();

        WriteCallback of(int id) {
            return error -> {
                count.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                if (error != null) {
                    errors.put(id, error);
                }
            };
        }

        int times(int id) {
            AtomicInteger n = count.get(id);
            return n == null ? 0 : n.get();
        }
    }

    @Test
    void writesQueuedWhileOneIsInFlightGoOutAsOneBatchInOrder() {
        Port port = new Port();
        Calls calls = new Calls();
        WriteQueue queue = new WriteQueue(port, e -> { });
        queue.write(bytes(1), calls.of(1));
        queue.write(bytes(2), calls.of(2));
        queue.write(bytes(3), calls.of(3));
        assertThat(port.writes).hasSize(1);
        port.last().succeeded();
        assertThat(calls.times(1)).isEqualTo(1);
        assertThat(port.writes).hasSize(2);
        assertThat(port.writes.get(1)).extracting(b -> b.get(0)).containsExactly((byte) 2, (byte) 3);
        assertThat(calls.times(2)).isZero();
        port.last().succeeded();
        assertThat(calls.times(2)).isEqualTo(1);
        assertThat(calls.times(3)).isEqualTo(1);
        assertThat(calls.errors).isEmpty();
    }

    @Test
    void writesFinishedAtOnceCompleteOnTheWritingThreadWithoutDeepeningTheStack() {
        Port port = new Port();
        port.inline = true;
        WriteQueue queue = new WriteQueue(port, e -> { });
        int chain = 20_000;
        AtomicInteger done = new AtomicInteger();
        List<Integer> depths = new ArrayList<>();
        Thread writer = Thread.currentThread();
        WriteCallback[] next = new WriteCallback[1];
        next[0] = error -> {
            assertThat(Thread.currentThread()).isSameAs(writer);
            if (done.incrementAndGet() % 1000 == 0) {
                depths.add(new Throwable().getStackTrace().length);
            }
            if (done.get() < chain) {
                queue.write(bytes(0), next[0]); // a sender's next send, from its callback
            }
        };
        queue.write(bytes(0), next[0]);
        assertThat(done.get()).isEqualTo(chain);
        assertThat(Collections.max(depths)).as("stack depth").isEqualTo(Collections.min(depths));
    }

    @Test
    void closeRunsOnceTheLastWriteIsDoneAndLaterWritesAreRefused() {
        Port port = new Port();
        Calls calls = new Calls();
        AtomicInteger closes = new AtomicInteger();
        WriteQueue queue = new WriteQueue(port, e -> { });
        queue.write(bytes(1), calls.of(1));
        queue.write(bytes(2), calls.of(2));
        queue.closeAfterWrites(closes::incrementAndGet);
        queue.closeAfterWrites(closes::incrementAndGet);
        assertThat(closes.get()).isZero();
        port.last().succeeded();
        assertThat(closes.get()).isZero();
        port.last().succeeded();
        assertThat(closes.get()).isEqualTo(1);
        queue.write(bytes(3), calls.of(3));
        assertThat(calls.errors.get(3)).isInstanceOf(IOException.class);
        assertThat(port.writes).hasSize(2);
    }

    @Test
    void aFailedWriteFailsItAndEveryQueuedAndLaterOneOnceAndIsReportedOnce() {
        Port port = new Port();
        Calls calls = new Calls();
        List<Throwable> reported = new CopyOnWriteArrayList<>();
        AtomicInteger closes = new AtomicInteger();
        WriteQueue queue = new WriteQueue(port, reported::add);
        queue.write(bytes(1), calls.of(1));
        queue.write(bytes(2), calls.of(2));
        queue.closeAfterWrites(closes::incrementAndGet);
        WriteBatch first = port.last();
        IOException reset = new IOException("reset");
        first.failed(reset);
        first.failed(new IOException("again"));
        first.succeeded();
        queue.write(bytes(3), calls.of(3));
        assertThat(calls.times(1)).isEqualTo(1);
        assertThat(calls.times(2)).isEqualTo(1);
        assertThat(calls.times(3)).isEqualTo(1);
        assertThat(calls.errors.get(1)).isSameAs(reset);
        assertThat(calls.errors.get(2)).isSameAs(reset);
        assertThat(calls.errors.get(3)).hasCause(reset);
        assertThat(reported).containsExactly(reset);
        assertThat(closes.get()).as("no close after a failure").isZero();
        assertThat(port.writes).hasSize(1);
    }

    @Test
    void aDropFailsTheWriteInFlightAtOnceAndIgnoresItsLateReport() {
        Port port = new Port();
        Calls calls = new Calls();
        List<Throwable> reported = new CopyOnWriteArrayList<>();
        WriteQueue queue = new WriteQueue(port, reported::add);
        queue.write(bytes(1), calls.of(1));
        queue.write(bytes(2), calls.of(2));
        IOException dropped = new IOException("dropped");
        queue.fail(dropped);
        port.last().succeeded();
        port.last().failed(new IOException("closed under it"));
        assertThat(calls.times(1)).isEqualTo(1);
        assertThat(calls.times(2)).isEqualTo(1);
        assertThat(calls.errors.get(1)).isSameAs(dropped);
        assertThat(reported).as("the transport dropped it: no news to it").isEmpty();
    }

    @Test
    void aPortThatThrowsFailsTheWrite() {
        List<Throwable> reported = new CopyOnWriteArrayList<>();
        Calls calls = new Calls();
        WriteQueue queue = new WriteQueue((buffers, batch) -> {
            throw new IllegalStateException("refused");
        }, reported::add);
        queue.write(bytes(1), calls.of(1));
        assertThat(calls.errors.get(1)).isInstanceOf(IllegalStateException.class);
        assertThat(reported).hasSize(1);
    }

    /**
     * Many senders, a port that finishes at once or later on other threads, and a drop at a random
     * moment: every callback runs exactly once, each sender's successful writes went out in its
     * order, and every buffer leased for a write goes back to the pool exactly once.
     */
    @Test
    void underRacesEveryCallbackRunsOnceAndEveryBufferGoesBackOnce() throws Exception {
        for (int round = 0; round < 20; round++) {
            raceOnce();
        }
    }

    private void raceOnce() throws Exception {
        int senders = 4;
        int each = 500;
        ExecutorService reporters = Executors.newFixedThreadPool(2);
        ExecutorService threads = Executors.newFixedThreadPool(senders);
        Set<ByteBuffer> leased = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
        AtomicInteger doubleReturns = new AtomicInteger();
        List<int[]> wire = new CopyOnWriteArrayList<>();
        WritePort port = (buffers, batch) -> {
            for (ByteBuffer b : buffers) {
                wire.add(new int[] {b.get(0), b.getInt(1)});
            }
            if (ThreadLocalRandom.current().nextBoolean()) {
                batch.succeeded();
            } else {
                reporters.execute(batch::succeeded);
            }
        };
        WriteQueue queue = new WriteQueue(port, e -> { });
        AtomicIntegerArray calls = new AtomicIntegerArray(senders * each);
        CountDownLatch go = new CountDownLatch(1);
        int dropAt = ThreadLocalRandom.current().nextInt(senders * each);
        AtomicInteger started = new AtomicInteger();
        for (int s = 0; s < senders; s++) {
            int sender = s;
            threads.execute(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < each; i++) {
                    ByteBuffer b = ByteBuffer.allocate(5).put((byte) sender).putInt(i).flip();
                    leased.add(b);
                    int id = sender * each + i;
                    queue.write(new ByteBuffer[] {b}, error -> {
                        calls.incrementAndGet(id);
                        if (!leased.remove(b)) {
                            doubleReturns.incrementAndGet();
                        }
                    });
                    if (started.incrementAndGet() == dropAt) {
                        queue.fail(new IOException("dropped"));
                    }
                }
            });
        }
        go.countDown();
        threads.shutdown();
        assertThat(threads.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
        reporters.shutdown();
        assertThat(reporters.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
        for (int id = 0; id < senders * each; id++) {
            assertThat(calls.get(id)).as("callbacks of write %d", id).isEqualTo(1);
        }
        assertThat(leased).as("buffers never returned").isEmpty();
        assertThat(doubleReturns.get()).as("buffers returned twice").isZero();
        int[] next = new int[senders];
        for (int[] w : wire) {
            assertThat(w[1]).as("sender %d's order on the wire", w[0]).isGreaterThanOrEqualTo(next[w[0]]);
            next[w[0]] = w[1] + 1;
        }
    }
}
