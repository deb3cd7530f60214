package dev.freeway.container.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.freeway.container.ContainerDefaults;
import dev.freeway.container.metrics.EndpointCounters;
import dev.freeway.engine.Close;
import dev.freeway.engine.Data;
import jakarta.websocket.MessageHandler;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * What a real session counts, through the in-memory transport: exact messages and wire bytes both
 * ways, the open-session gauge, the close code, a send timeout, the bytes held for a peer that
 * does not read, and busy workers.
 */
class SessionMetricsTest {
    private static final String PATH = "/test/{room}";

    @Test
    void aScriptedSessionIsCountedExactly() throws Exception {
        try (Harness h = Harness.open(s -> s.addMessageHandler(String.class,
                (MessageHandler.Whole<String>) msg -> SessionTest.send(() -> s.getBasicRemote().sendText("echo: " + msg))))) {
            EndpointCounters counters = h.metrics.endpoint(PATH);
            assertThat(counters.openSessions()).isEqualTo(1);
            assertThat(h.metrics.openSessions()).isEqualTo(1);

            h.peer.send(Data.text("one", true));
            h.peer.send(Data.text("two", true));
            h.peer.send(Data.text("three", true));
            h.awaitPeerSaw(text("echo: one"), text("echo: two"), text("echo: three"));
            h.peer.send(new Close(1000, ""));
            h.awaitClosed();
            h.awaitPeerSaw(text("echo: one"), text("echo: two"), text("echo: three"), "close 1000");
            await().atMost(Duration.ofSeconds(5)).until(() -> counters.bytesSent() == h.peer.writtenBytes());

            assertThat(counters.messagesReceived()).isEqualTo(3);
            assertThat(counters.messagesSent()).isEqualTo(3);
            // the peer's frames are masked: 2 header bytes and a 4-byte key, then the payload
            assertThat(counters.bytesReceived()).isEqualTo((6 + 3) + (6 + 3) + (6 + 5) + (6 + 2));
            // ours are not: 2 header bytes, then "echo: ..." and the close frame's code
            assertThat(counters.bytesSent()).isEqualTo((2 + 9) + (2 + 9) + (2 + 11) + (2 + 2));
            assertThat(counters.openSessions()).isZero();
            assertThat(h.metrics.closes()).isEqualTo(Map.of(1000, 1L));
            assertThat(h.metrics.sendTimeouts()).isZero();
        }
    }

    @Test
    void aPeerThatDoesNotReadShowsAsQueuedBytesThenASendTimeout() throws Exception {
        ContainerDefaults defaults = ContainerDefaults.standard().withAsyncSendTimeoutMillis(500);
        try (Harness h = Harness.open(s -> { }, defaults)) {
            h.peer.stopReading();
            Future<Void> send = h.session.getAsyncRemote().sendText("stuck");
            assertThat(h.metrics.queuedOutboundBytes()).isEqualTo(2 + 5);

            await().atMost(Duration.ofSeconds(5)).until(send::isDone);
            h.awaitClosed();
            assertThat(h.metrics.sendTimeouts()).isEqualTo(1);
            assertThat(h.metrics.closes()).isEqualTo(Map.of(1006, 1L));
            assertThat(h.metrics.endpoint(PATH).messagesSent()).isEqualTo(1);
            assertThat(h.metrics.endpoint(PATH).bytesSent()).isZero(); // never written
        }
    }

    @Test
    void workersRunningATaskAreCounted() throws Exception {
        try (Harness h = Harness.open(s -> { })) {
            CountDownLatch started = new CountDownLatch(2);
            CompletableFuture<Void> release = new CompletableFuture<>();
            try {
                for (int i = 0; i < 2; i++) {
                    h.resources.executor().execute(() -> {
                        started.countDown();
                        release.join();
                    });
                }
                assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
                assertThat(h.metrics.workerThreadsActive()).isEqualTo(2);
            } finally {
                release.complete(null);
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> h.metrics.workerThreadsActive() == 0);
        }
    }


    private static String text(String s) {
        return "text " + PeerTransport.hex(s);
    }
}
