package dev.freeway.container.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.freeway.container.ContainerDefaults;
import dev.freeway.container.OutboundFullException;
import dev.freeway.container.SendTimeoutException;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Asynchronous sends that find another thread's message in progress: they queue in the session
 * (bounded in bytes with what is in flight) and are written by the thread that finishes that
 * message; none takes a worker thread to wait, and a queued send fails at the send timeout.
 */
class ContendedAsyncSendTest {

    /** A thread that begins a text message in parts and holds it until {@link #finish()}. */
    private static final class PartialSender implements AutoCloseable {
        private final CountDownLatch begun = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);
        private final Thread thread;

        PartialSender(Harness h) throws InterruptedException {
            thread = new Thread(() -> {
                try {
                    h.session.getBasicRemote().sendText("part-", false);
                    begun.countDown();
                    release.await();
                    h.session.getBasicRemote().sendText("end", true);
                } catch (Exception e) {
                    begun.countDown();
                }
            }, "partial-sender");
            thread.start();
            assertThat(begun.await(10, TimeUnit.SECONDS)).isTrue();
        }

        void finish() throws InterruptedException {
            release.countDown();
            thread.join(10_000);
        }

        @Override
        public void close() {
            release.countDown();
        }
    }

    @Test
    void queueBehindAMessageInProgressOnNoThreadAndFollowItInOrder() throws Exception {
        try (Harness h = Harness.open(s -> { }); PartialSender partial = new PartialSender(h)) {
            ThreadPoolExecutor workers = (ThreadPoolExecutor) h.resources.executor();
            List<Future<Void>> sent = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                sent.add(h.session.getAsyncRemote().sendText("m" + i));
            }
            assertThat(sent).noneMatch(Future::isDone);
            assertThat(h.session.outbound().queued()).isEqualTo(queuedBytesOf(500));
            assertThat(workers.getActiveCount()).as("no worker waits for the message in progress").isZero();
            partial.finish();
            for (Future<Void> f : sent) {
                f.get(10, TimeUnit.SECONDS);
            }
            List<String> saw = h.peer.peerSaw();
            assertThat(saw).hasSize(501);
            assertThat(decode(saw.get(0))).isEqualTo("part-end");
            for (int i = 0; i < 500; i++) {
                assertThat(decode(saw.get(i + 1))).isEqualTo("m" + i);
            }
            assertThat(h.session.outbound().queued()).isZero();
        }
    }

    @Test
    void theQueueIsBoundedInBytesWithWhatIsInFlight() throws Exception {
        ContainerDefaults defaults = ContainerDefaults.standard().withMaxOutboundBytes(64 * 1024);
        try (Harness h = Harness.open(s -> { }, defaults); PartialSender partial = new PartialSender(h)) {
            Future<Void> queued = h.session.getAsyncRemote().sendBinary(ByteBuffer.allocate(40 * 1024));
            Future<Void> refused = h.session.getAsyncRemote().sendBinary(ByteBuffer.allocate(40 * 1024));
            assertThatThrownBy(() -> refused.get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(OutboundFullException.class);
            assertThat(queued).isNotDone();
            assertThat(h.session.outbound().queued()).isEqualTo(40 * 1024);
            partial.finish();
            queued.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aQueuedSendFailsAtTheSendTimeoutAndDropsTheConnection() throws Exception {
        ContainerDefaults defaults = ContainerDefaults.standard().withAsyncSendTimeoutMillis(300);
        try (Harness h = Harness.open(s -> { }, defaults); PartialSender partial = new PartialSender(h)) {
            Future<Void> queued = h.session.getAsyncRemote().sendText("never");
            assertThatThrownBy(() -> queued.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(SendTimeoutException.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> h.peer.aborted);
            h.awaitClosed();
            assertThat(h.endpoint.closes.get(0).getCloseCode().getCode()).isEqualTo(1006);
            assertThat(h.session.outbound().queued()).isZero();
        }
    }

    private static long queuedBytesOf(int messages) {
        long bytes = 0;
        for (int i = 0; i < messages; i++) {
            bytes += ("m" + i).length();
        }
        return bytes;
    }

    private static String decode(String line) {
        return new String(HexFormat.of().parseHex(line.substring("text ".length())), StandardCharsets.UTF_8);
    }
}
