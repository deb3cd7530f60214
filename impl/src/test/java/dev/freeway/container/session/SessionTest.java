package dev.freeway.container.session;

import static dev.freeway.container.session.PeerTransport.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.freeway.api.Freeway;
import dev.freeway.api.FreewaySession;
import dev.freeway.api.Opcode;
import dev.freeway.api.StreamingHandler;
import dev.freeway.api.StreamingSender;
import dev.freeway.container.ContainerDefaults;
import dev.freeway.container.OutboundFullException;
import dev.freeway.container.ProtocolException;
import dev.freeway.container.send.SessionClosedException;
import dev.freeway.container.SendTimeoutException;
import dev.freeway.engine.Close;
import dev.freeway.engine.Data;
import dev.freeway.engine.FrameBegin;
import dev.freeway.engine.FrameData;
import dev.freeway.engine.Ping;
import dev.freeway.engine.Pong;
import jakarta.websocket.CloseReason;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sessions end to end through the in-memory transport: what the endpoint sees, and the bytes and
 * close codes the peer receives.
 */
class SessionTest {

    private static String text(String s) {
        return "text " + hex(s);
    }

    private static Data textFrame(String s, boolean last) {
        return new Data(ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8)), true, true, last);
    }

    // ---- whole messages

    @Test
    void wholeTextAndBinaryMessagesAreEchoed() throws Exception {
        try (Harness h = Harness.open(s -> {
            s.addMessageHandler(String.class, (MessageHandler.Whole<String>) msg -> send(() -> s.getBasicRemote().sendText("echo: " + msg)));
            s.addMessageHandler(byte[].class, (MessageHandler.Whole<byte[]>) msg -> send(() -> s.getBasicRemote().sendBinary(ByteBuffer.wrap(msg))));
        })) {
            h.peer.send(Data.text("héllo", true));
            h.peer.send(textFrame("frag", false));
            h.peer.send(textFrame("mented", true));
            h.peer.send(Data.binary(new byte[] {1, 2, 3}, true));
            h.awaitPeerSaw(text("echo: héllo"), text("echo: fragmented"), "binary 010203");
        }
    }

    @Test
    void wholeMessagesInOneBufferAreTheHandlersOwnAfterTheTransportReusesIt() throws Exception {
        List<Object> got = new CopyOnWriteArrayList<>();
        try (Harness h = Harness.open(s -> {
            s.addMessageHandler(String.class, (MessageHandler.Whole<String>) got::add);
            s.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) got::add);
        })) {
            dev.freeway.engine.Connection client = dev.freeway.engine.Connection.established(
                    dev.freeway.engine.Role.CLIENT, dev.freeway.engine.EngineConfig.defaults(), List.of());
            java.io.ByteArrayOutputStream frames = new java.io.ByteArrayOutputStream();
            for (Data d : List.of(Data.text("héllo wörld", true), Data.binary(new byte[] {7, 8, 9}, true),
                    Data.text("second", true))) {
                for (ByteBuffer b : client.send(d)) {
                    byte[] part = new byte[b.remaining()];
                    b.get(part);
                    frames.writeBytes(part);
                }
            }
            byte[] wire = frames.toByteArray();
            h.peer.feed(wire);
            await().atMost(Duration.ofSeconds(5)).until(() -> got.size() == 3);
            // The transport may refill its buffer as soon as it is asked for more input.
            java.util.Arrays.fill(wire, (byte) 0x55);
            ByteBuffer binary = (ByteBuffer) got.get(1);
            assertThat(got.get(0)).isEqualTo("héllo wörld");
            assertThat(hex(binary.duplicate())).isEqualTo("070809");
            assertThat(got.get(2)).isEqualTo("second");
        }
    }

    @Test
    void aTextMessageOverTheBufferLimitIsRefusedWith1009FromItsHeader() throws Exception {
        List<String> got = new CopyOnWriteArrayList<>();
        try (Harness h = Harness.open(s -> {
            s.setMaxTextMessageBufferSize(100);
            s.addMessageHandler(String.class, (MessageHandler.Whole<String>) got::add);
        })) {
            // The frame declares 10 MB; none of its payload is ever sent.
            h.peer.send(new FrameBegin(Opcode.TEXT, 0, 10_000_000, true));
            h.awaitPeerSaw("close 1009 text message of 10000000 bytes or more exceeds the limit of 100 (maxTextMessageBufferSize)");
            h.peer.endInput(); // a peer in the middle of its frame cannot answer: it drops the connection
            h.awaitClosed();
            assertThat(h.endpoint.closes.get(0).getCloseCode().getCode()).isEqualTo(1009);
            assertThat(got).isEmpty();
        }
    }

    @Test
    void aFragmentedMessageCrossingTheLimitIsRefusedToo() throws Exception {
        try (Harness h = Harness.open(s -> {
            s.setMaxBinaryMessageBufferSize(10);
            s.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) b -> { });
        })) {
            h.peer.send(new Data(ByteBuffer.allocate(6), false, true, false));
            h.peer.send(new Data(ByteBuffer.allocate(6), false, true, true));
            h.awaitPeerSaw("close 1009 binary message of 12 bytes or more exceeds the limit of 10 (maxBinaryMessageBufferSize)");
        }
    }

    @Test
    void aMessageNobodyHandlesIsDroppedAndTheSessionStaysOpen() throws Exception {
        List<String> got = new CopyOnWriteArrayList<>();
        try (Harness h = Harness.open(s -> { })) {
            h.peer.send(textFrame("before any handler", true)); // TCK addMessageHandlersTest1: no 1003
            h.peer.send(Data.binary(new byte[3], true));
            h.peer.send(new Ping(ByteBuffer.wrap(new byte[] {1})));
            h.awaitPeerSaw("pong 01"); // the two messages before the ping were taken: nothing but the pong came back
            h.session.addMessageHandler(String.class, (MessageHandler.Whole<String>) got::add);
            h.peer.send(textFrame("handled", true));
            await().atMost(Duration.ofSeconds(10)).until(() -> got.equals(List.of("handled")));
            assertThat(h.session.isOpen()).isTrue();
            assertThat(h.peer.peerSaw()).containsExactly("pong 01");
        }
    }

    @Test
    void sendsAfterOurCloseFailWithTheApisExceptionsNotTheEngines() throws Exception {
        try (Harness h = Harness.open(s -> { })) {
            h.session.close(); // the peer has not answered: the engine is still waiting for its close
            assertThatThrownBy(() -> h.session.getBasicRemote().sendText("late"))
                    .isExactlyInstanceOf(IOException.class).hasMessageContaining("closed");
            assertThatThrownBy(() -> h.session.getBasicRemote().sendBinary(ByteBuffer.allocate(1)))
                    .isExactlyInstanceOf(IOException.class);
            assertThatThrownBy(() -> h.session.getAsyncRemote().sendText("late").get())
                    .isInstanceOf(ExecutionException.class).cause().isExactlyInstanceOf(IOException.class);
            CompletableFuture<SendResult> result = new CompletableFuture<>();
            h.session.getAsyncRemote().sendObject(42, result::complete);
            assertThat(result.get(10, TimeUnit.SECONDS).getException()).isExactlyInstanceOf(IOException.class);
            assertThatThrownBy(() -> h.session.getBasicRemote().sendPing(ByteBuffer.allocate(1)))
                    .isExactlyInstanceOf(IOException.class);
        }
    }

    // ---- partial and streamed messages

    @Test
    void partialHandlersGetChunksThatNeverSplitACodePoint() throws Exception {
        List<String> parts = new CopyOnWriteArrayList<>();
        try (Harness h = Harness.open(s -> s.addMessageHandler(String.class,
                (MessageHandler.Partial<String>) (part, last) -> parts.add(part + (last ? "|last" : ""))))) {
            byte[] euro = "€".getBytes(StandardCharsets.UTF_8); // e2 82 ac
            h.peer.send(new Data(ByteBuffer.wrap(new byte[] {'a', euro[0]}), true, true, false));
            h.peer.send(new Data(ByteBuffer.wrap(new byte[] {euro[1]}), true, true, false));
            h.peer.send(new Data(ByteBuffer.wrap(new byte[] {euro[2], 'b'}), true, true, true));
            await().atMost(Duration.ofSeconds(5)).until(() -> parts.size() == 2);
            assertThat(parts).containsExactly("a", "€b|last");
        }
    }

    @Test
    void partialBinaryHandlersGetEachChunkAsItArrives() throws Exception {
        List<String> parts = new CopyOnWriteArrayList<>();
        try (Harness h = Harness.open(s -> s.addMessageHandler(byte[].class,
                (MessageHandler.Partial<byte[]>) (part, last) -> parts.add(part.length + (last ? "|last" : ""))))) {
            h.peer.send(new Data(ByteBuffer.allocate(3), false, true, false));
            h.peer.send(new Data(ByteBuffer.allocate(0), false, true, false));
            h.peer.send(new Data(ByteBuffer.allocate(5), false, true, true));
            await().atMost(Duration.ofSeconds(5)).until(() -> parts.size() == 2);
            assertThat(parts).containsExactly("3", "5|last");
        }
    }

    @Test
    void readerHandlersStreamAMessageLargerThanEveryBuffer() throws Exception {
        CompletableFuture<String> digest = new CompletableFuture<>();
        AtomicInteger pipeHeld = new AtomicInteger();
        try (Harness h = Harness.open(s -> s.addMessageHandler(Reader.class, (MessageHandler.Whole<Reader>) reader -> {
            try {
                java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
                char[] buf = new char[1000];
                for (int n; (n = reader.read(buf)) > 0; ) {
                    sha.update(new String(buf, 0, n).getBytes(StandardCharsets.UTF_8));
                    Thread.sleep(0, 1000); // read slower than the peer sends
                }
                digest.complete(java.util.HexFormat.of().formatHex(sha.digest()));
            } catch (Exception e) {
                digest.completeExceptionally(e);
            }
        }))) {
            // 1 MiB of text, while the buffer limit is 64 KiB: only streaming can take it.
            String chunk = "0123456789abcdéf".repeat(1024); // 17 KiB of UTF-8
            java.security.MessageDigest expected = java.security.MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < 60; i++) {
                h.peer.send(textFrame(chunk, i == 59));
                expected.update(chunk.getBytes(StandardCharsets.UTF_8));
                if (h.session.inbound().isHeld(Inbound.PIPE)) {
                    pipeHeld.incrementAndGet();
                }
            }
            assertThat(digest.get(20, TimeUnit.SECONDS)).isEqualTo(java.util.HexFormat.of().formatHex(expected.digest()));
            assertThat(h.endpoint.closes).isEmpty();
        }
    }

    @Test
    void inputStreamHandlersSeeAnErrorWhenThePeerVanishesMidMessage() throws Exception {
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        try (Harness h = Harness.open(s -> s.addMessageHandler(InputStream.class, (MessageHandler.Whole<InputStream>) in -> {
            try {
                in.readAllBytes();
                failure.complete(null);
            } catch (IOException e) {
                failure.complete(e);
            }
        }))) {
            h.peer.send(new Data(ByteBuffer.allocate(100), false, true, false));
            h.peer.endInput();
            assertThat(failure.get(5, TimeUnit.SECONDS)).isInstanceOf(IOException.class);
            h.awaitClosed();
            assertThat(h.endpoint.closes.get(0).getCloseCode().getCode()).isEqualTo(1006);
        }
    }

    // ---- control frames and closing

    @Test
    void pingsAreAnsweredAndPongsReachAPongHandler() throws Exception {
        List<String> pongs = new CopyOnWriteArrayList<>();
        try (Harness h = Harness.open(s -> s.addMessageHandler(PongMessage.class,
                (MessageHandler.Whole<PongMessage>) p -> pongs.add(hex(p.getApplicationData()))))) {
            h.peer.send(new Ping(ByteBuffer.wrap(new byte[] {9, 8})));
            h.peer.send(new Pong(ByteBuffer.wrap(new byte[] {7})));
            h.awaitPeerSaw("pong 0908");
            await().atMost(Duration.ofSeconds(5)).until(() -> pongs.equals(List.of("07")));
        }
    }

    @Test
    void pingsOver125BytesAreRefused() throws Exception {
        try (Harness h = Harness.open(s -> { })) {
            assertThatThrownBy(() -> h.session.getBasicRemote().sendPing(ByteBuffer.allocate(126)))
                    .isInstanceOf(IllegalArgumentException.class);
            h.session.getBasicRemote().sendPing(ByteBuffer.allocate(125));
        }
    }

    @Test
    void thePeerClosing() throws Exception {
        try (Harness h = Harness.open(s -> { })) {
            h.peer.send(new Close(4001, "bye"));
            h.awaitClosed();
            h.awaitPeerSaw("close 4001");
            CloseReason r = h.endpoint.closes.get(0);
            assertThat(r.getCloseCode().getCode()).isEqualTo(4001);
            assertThat(r.getReasonPhrase()).isEqualTo("bye");
            assertThat(h.peer.closed).isTrue();
            assertThat(h.session.isOpen()).isFalse();
            assertThat(h.peers).isEmpty();
        }
    }

    @Test
    void closingFromOurSide() throws Exception {
        try (Harness h = Harness.open(s -> { })) {
            assertThat(h.peers).containsExactly(h.session);
            h.session.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "shutting down"));
            // onClose has run when close() returns (TCK session close3Test), before the peer answers
            assertThat(h.endpoint.closes).singleElement().satisfies(r -> assertThat(r.getReasonPhrase()).isEqualTo("shutting down"));
            assertThat(h.session.isOpen()).isFalse();
            assertThat(h.peers).isEmpty();
            h.awaitPeerSaw("close 1001 shutting down");
            assertThat(h.peer.closed).isFalse(); // the connection waits for the peer's reply
            assertThat(h.resources.connectionsEnded()).isFalse();
            h.peer.send(new Close(1001, ""));
            await().atMost(Duration.ofSeconds(10)).until(() -> h.peer.closed && h.resources.connectionsEnded());
            assertThat(h.endpoint.closes).hasSize(1);
            assertThatThrownBy(() -> h.session.getBasicRemote().sendText("late")).isInstanceOf(IOException.class);
            // The session's failure walks no stack when it ends; a caller still gets its own stack.
            assertThatThrownBy(() -> h.session.getBasicRemote().sendText("later"))
                    .hasMessageStartingWith("the session is closed (1001")
                    .satisfies(e -> assertThat(e.getStackTrace()).isNotEmpty())
                    .cause().isInstanceOf(SessionClosedException.class)
                    .satisfies(c -> assertThat(c.getStackTrace()).isEmpty());
        }
    }

    @Test
    void aPeerThatNeverAnswersOurCloseIsDroppedAfterTheCloseTimeout() throws Exception {
        try (Harness h = Harness.open(s -> { }, ContainerDefaults.standard().withCloseTimeoutMillis(300))) {
            h.session.close();
            await().atMost(Duration.ofSeconds(10)).until(() -> h.peer.aborted);
            assertThat(h.endpoint.closes.get(0).getCloseCode().getCode()).isEqualTo(1000);
        }
    }

    @Test
    void idleSessionsAreClosed() throws Exception {
        try (Harness h = Harness.open(s -> s.setMaxIdleTimeout(300))) {
            h.awaitPeerSaw("close 1001 idle timeout: no traffic for 300 ms");
            // the local endpoint hears 1006: our container ended it (TCK ...AfterTimeoutTest)
            h.awaitClosed();
            assertThat(h.endpoint.closes).singleElement().satisfies(r -> {
                assertThat(r.getCloseCode().getCode()).isEqualTo(1006);
                assertThat(r.getReasonPhrase()).isEqualTo("idle timeout: no traffic for 300 ms");
            });
            h.peer.send(new Close(1001, ""));
            await().atMost(Duration.ofSeconds(10)).until(() -> h.peer.closed);
            assertThat(h.endpoint.closes).hasSize(1);
        }
    }

    @Test
    void invalidUtf8Gets1007AndReachesOnError() throws Exception {
        try (Harness h = Harness.open(s -> s.addMessageHandler(String.class, (MessageHandler.Whole<String>) m -> { }))) {
            h.peer.feedFrame(true, Opcode.TEXT, new byte[] {(byte) 0xc3, 0x28});
            h.awaitClosed();
            assertThat(h.peer.peerSaw()).containsExactly("close 1007 text message is not valid UTF-8 at byte 1");
            assertThat(h.endpoint.errors).singleElement().isInstanceOf(ProtocolException.class);
            assertThat(h.endpoint.closes.get(0).getCloseCode().getCode()).isEqualTo(1007);
        }
    }

    @Test
    void anExceptionInAHandlerReachesOnError() throws Exception {
        try (Harness h = Harness.open(s -> s.addMessageHandler(String.class, (MessageHandler.Whole<String>) m -> {
            throw new IllegalStateException("boom: " + m);
        }))) {
            h.peer.send(Data.text("x", true));
            await().atMost(Duration.ofSeconds(5)).until(() -> !h.endpoint.errors.isEmpty());
            assertThat(h.endpoint.errors.get(0)).hasMessage("boom: x");
            assertThat(h.session.isOpen()).isTrue();
        }
    }

    @Test
    void aSessionThatReadsNothingIsNotTakenForDead() throws Exception {
        // paused by the application: the peer's answers to pings cannot be read, so its silence
        // must not close the session (a TCP bridge pauses while its service is slow)
        ContainerDefaults defaults = ContainerDefaults.standard().withPingIntervalMillis(100).withPongTimeoutMillis(100);
        try (Harness h = Harness.open(s -> ((WsSession) s).pause(), defaults)) {
            await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(5)).until(() -> h.session.isOpen());
            assertThat(h.endpoint.closes).isEmpty();
            assertThat(h.peer.peerSaw()).noneMatch(line -> line.startsWith("close"));
        }
    }

    @Test
    void aSessionThatReadsAndHearsNothingIsClosedByTheHeartbeat() throws Exception {
        ContainerDefaults defaults = ContainerDefaults.standard().withPingIntervalMillis(100).withPongTimeoutMillis(100);
        try (Harness h = Harness.open(s -> { }, defaults)) {
            h.awaitClosed();
            assertThat(h.endpoint.closes).singleElement()
                    .satisfies(r -> assertThat(r.getCloseCode().getCode()).isEqualTo(1006));
        }
    }

    @Test
    void anExceptionFromOnCloseReachesOnError() throws Exception {
        // TCK spec.servercontainer.addendpoint and ee.jakarta.websocket.session close12Test
        Harness.HandlingRecorder throwing = new Harness.HandlingRecorder(s -> { }) {
            @Override
            public void onClose(Session session, CloseReason reason) {
                super.onClose(session, reason);
                throw new ArithmeticException("/ by zero");
            }
        };
        try (Harness h = Harness.open(throwing)) {
            h.session.close(new CloseReason(CloseReason.CloseCodes.TOO_BIG, "now"));
            await().atMost(Duration.ofSeconds(5)).until(() -> !throwing.errors.isEmpty());
            assertThat(throwing.closes).singleElement().satisfies(r -> assertThat(r.getCloseCode().getCode()).isEqualTo(1009));
            assertThat(throwing.errors).singleElement().isInstanceOf(ArithmeticException.class)
                    .satisfies(e -> assertThat(e).hasMessage("/ by zero"));
            await().atMost(Duration.ofSeconds(5)).until(() -> !h.session.isOpen()); // once onClose has returned
        }
    }

    @Test
    void withoutAnErrorHandlerTheErrorIsLoggedAndTheSessionClosedWith1011() throws Exception {
        try (Harness h = Harness.openWithoutErrorHandler(s -> s.addMessageHandler(String.class, (MessageHandler.Whole<String>) m -> {
            throw new IllegalStateException("boom");
        }))) {
            h.peer.send(Data.text("x", true));
            h.awaitPeerSaw("close 1011 IllegalStateException: boom");
        }
    }

    /**
     * A handler whose send fails because the connection broke, with no error handler: the session
     * ends as a dropped connection (1006), whether the transport's report of the failure comes
     * before or, as here, after the handler's exception (a reset HTTP/2 stream showed 1011 now and then).
     */
    @Test
    void aHandlerFailingWithTheBrokenConnectionEndsTheSessionWith1006() throws Exception {
        try (Harness h = Harness.openWithoutErrorHandler(s -> s.addMessageHandler(String.class, (MessageHandler.Whole<String>) m -> {
            try {
                s.getBasicRemote().sendText("echo " + m);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }))) {
            h.peer.stopReading();
            h.peer.send(Data.text("x", true));
            await().atMost(Duration.ofSeconds(10)).until(() -> h.session.outbound().inFlight() > 0);
            java.io.EOFException reset = new java.io.EOFException("reset by the peer");
            h.peer.breakConnection(reset);
            h.awaitClosed();
            h.peer.reportFailure(reset);
            assertThat(h.endpoint.closes).singleElement()
                    .satisfies(r -> assertThat(r.getCloseCode().getCode()).isEqualTo(1006));
            assertThat(h.peer.peerSaw()).as("no close frame could go out").isEmpty();
        }
    }

    // ---- sending

    @Test
    void concurrentSendersNeverInterleaveTheirMessages() throws Exception {
        try (Harness h = Harness.open(s -> { })) {
            Session s = h.session;
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String who = "t" + t;
                threads.add(new Thread(() -> {
                    for (int n = 0; n < 50; n++) {
                        int i = n;
                        send(() -> {
                            s.getBasicRemote().sendText(who + "-" + i + "-a", false);
                            s.getBasicRemote().sendText("-b", false);
                            s.getBasicRemote().sendText("-c", true);
                        });
                        send(() -> s.getAsyncRemote().sendText(who + "-async-" + i).get(5, TimeUnit.SECONDS));
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join(20_000);
            }
            List<String> saw = h.peer.peerSaw();
            assertThat(saw).hasSize(400);
            for (String line : saw) {
                String msg = new String(java.util.HexFormat.of().parseHex(line.substring(5)), StandardCharsets.UTF_8);
                assertThat(msg).matches("t\\d-(\\d+-a-b-c|async-\\d+)");
            }
        }
    }

    @Test
    void sendHandlersRunOffTheSendersThread() throws Exception {
        try (Harness h = Harness.open(s -> { })) {
            CompletableFuture<String> thread = new CompletableFuture<>();
            CompletableFuture<SendResult> result = new CompletableFuture<>();
            h.session.getAsyncRemote().sendText("hi", r -> {
                thread.complete(Thread.currentThread().getName());
                result.complete(r);
            });
            assertThat(result.get(5, TimeUnit.SECONDS).isOK()).isTrue();
            assertThat(thread.get()).isNotEqualTo(Thread.currentThread().getName());
            Future<Void> f = h.session.getAsyncRemote().sendBinary(ByteBuffer.wrap(new byte[] {1}));
            f.get(5, TimeUnit.SECONDS);
            h.awaitPeerSaw(text("hi"), "binary 01");
        }
    }

    @Test
    void asyncSendsThatFinishLeaveNoTimerTaskBehind() throws Exception {
        ContainerDefaults defaults = ContainerDefaults.standard().withAsyncSendTimeoutMillis(60_000);
        try (Harness h = Harness.open(s -> { }, defaults)) {
            java.util.concurrent.ScheduledThreadPoolExecutor timer =
                    (java.util.concurrent.ScheduledThreadPoolExecutor) h.resources.scheduler();
            int before = timer.getQueue().size();
            h.peer.stopReading(); // the sends wait, so each gets its timeout task
            List<Future<Void>> sent = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                sent.add(h.session.getAsyncRemote().sendText("m" + i));
            }
            assertThat(timer.getQueue().size()).as("a timeout task per waiting send").isGreaterThanOrEqualTo(before + 200);
            h.peer.startReading();
            for (Future<Void> f : sent) {
                f.get(5, TimeUnit.SECONDS);
            }
            // written long before their 60 s timeout: their tasks are gone, not left to run out
            assertThat(timer.getQueue().size()).isLessThanOrEqualTo(before);
        }
    }

    @Test
    void aPeerThatStopsReadingBoundsMemoryAndTimesSendsOut() throws Exception {
        ContainerDefaults defaults = ContainerDefaults.standard().withMaxOutboundBytes(64 * 1024).withAsyncSendTimeoutMillis(500);
        try (Harness h = Harness.open(s -> { }, defaults)) {
            h.peer.stopReading();
            ByteBuffer chunk = ByteBuffer.allocate(40 * 1024);
            Future<Void> first = h.session.getAsyncRemote().sendBinary(chunk.duplicate());
            Future<Void> second = h.session.getAsyncRemote().sendBinary(chunk.duplicate());
            // The second would pass the 64 KiB limit: refused at once instead of queued.
            assertThatThrownBy(() -> second.get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(OutboundFullException.class);
            // A blocking send waits for room, then times out; the connection is dropped.
            long start = System.nanoTime();
            assertThatThrownBy(() -> h.session.getBasicRemote().sendBinary(chunk.duplicate()))
                    .isInstanceOf(SendTimeoutException.class);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(400);
            assertThatThrownBy(() -> first.get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(SendTimeoutException.class);
            await().atMost(Duration.ofSeconds(5)).until(() -> h.peer.aborted); // dropped by the timeout's thread
            // The dropped connection ends the session: onError hears why, onClose says 1006.
            h.awaitClosed();
            assertThat(h.endpoint.closes.get(0).getCloseCode().getCode()).isEqualTo(1006);
            assertThat(h.endpoint.errors).isNotEmpty().allMatch(e -> e instanceof SendTimeoutException);
            assertThat(h.peers).isEmpty();
        }
    }

    @Test
    void sendStreamsAndWritersFragmentTheirMessage() throws Exception {
        try (Harness h = Harness.open(s -> { })) {
            byte[] big = new byte[40 * 1024];
            new java.util.Random(1).nextBytes(big);
            try (OutputStream out = h.session.getBasicRemote().getSendStream()) {
                out.write(big);
            }
            try (Writer w = h.session.getBasicRemote().getSendWriter()) {
                w.write("héllo ");
                w.write("wörld");
            }
            h.awaitPeerSaw("binary " + java.util.HexFormat.of().formatHex(big), text("héllo wörld"));
            assertThat(h.peer.peerFrames()).containsExactly("BINARY", "CONTINUATION", "CONTINUATION fin", "TEXT",
                    "CONTINUATION fin");
        }
    }

    @Test
    void batchedSendsWaitForFlush() throws Exception {
        try (Harness h = Harness.open(s -> { })) {
            h.session.getBasicRemote().setBatchingAllowed(true);
            h.session.getBasicRemote().sendText("one");
            h.session.getBasicRemote().sendText("two");
            assertThat(h.peer.writtenBytes()).isZero();
            h.session.getBasicRemote().flushBatch();
            h.awaitPeerSaw(text("one"), text("two"));
            h.session.getBasicRemote().setBatchingAllowed(false);
            h.session.getBasicRemote().sendText("three");
            h.awaitPeerSaw(text("one"), text("two"), text("three"));
        }
    }

    // ---- handler registration

    @Test
    void oneHandlerPerMessageType() throws Exception {
        try (Harness h = Harness.open(s -> s.addMessageHandler(String.class, (MessageHandler.Whole<String>) m -> { }))) {
            assertThatThrownBy(() -> h.session.addMessageHandler(Reader.class, (MessageHandler.Whole<Reader>) r -> { }))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("a text message handler is already registered");
            assertThatThrownBy(() -> h.session.addMessageHandler(new MessageHandler.Whole<String>() {
                @Override
                public void onMessage(String message) {
                }
            })).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> h.session.addMessageHandler(Object.class, (MessageHandler.Partial<Object>) (m, l) -> { }))
                    .hasMessageStartingWith("a partial handler receives String, ByteBuffer or byte[], not java.lang.Object");
            MessageHandler.Whole<ByteBuffer> binary = new MessageHandler.Whole<>() {
                @Override
                public void onMessage(ByteBuffer message) {
                }
            };
            h.session.addMessageHandler(binary); // the type comes from the generic signature
            assertThat(h.session.getMessageHandlers()).hasSize(2).contains(binary);
            h.session.removeMessageHandler(binary);
            assertThat(h.session.getMessageHandlers()).hasSize(1);
        }
    }

    @Test
    void theSessionKnowsItsRequest() throws Exception {
        try (Harness h = Harness.open(s -> { })) {
            Session s = h.session;
            assertThat(s.getRequestURI()).hasToString("ws://localhost/test?x=1");
            assertThat(s.getQueryString()).isEqualTo("x=1");
            assertThat(s.getRequestParameterMap()).containsEntry("x", List.of("1"));
            assertThat(s.getPathParameters()).containsEntry("room", "blue");
            assertThat(s.getProtocolVersion()).isEqualTo("13");
            assertThat(s.getOpenSessions()).containsExactly(s);
            s.getUserProperties().put("k", "v");
            assertThat(s.getUserProperties()).containsEntry("k", "v");
        }
    }

    // ---- Freeway's own levels

    @Test
    void streamingHandlerAndSenderThroughTheJakartaSession() throws Exception {
        List<String> calls = new CopyOnWriteArrayList<>();
        try (Harness h = Harness.open(s -> Freeway.of(s).setStreamingHandler(new StreamingHandler() {
            @Override
            public void onMessageBegin(int opcode) {
                calls.add("begin " + Opcode.name(opcode));
            }

            @Override
            public void onFrameBegin(long length, int rsv) {
                calls.add("frame " + length);
            }

            @Override
            public void onFrameData(ByteBuffer data) {
                calls.add("data " + data.remaining());
            }

            @Override
            public void onMessageEnd() {
                calls.add("end");
            }
        }))) {
            h.peer.send(new FrameBegin(Opcode.BINARY, 0, 1L << 40, true)); // a 1 TiB frame: streamed, never buffered
            h.peer.send(new FrameData(ByteBuffer.allocate(1000)));
            await().atMost(Duration.ofSeconds(5)).until(() -> calls.size() == 3);
            assertThat(calls).containsExactly("begin BINARY", "frame 1099511627776", "data 1000");

            StreamingSender sender = Freeway.of(h.session).sender();
            sender.beginMessage(Opcode.BINARY);
            sender.beginFrame(4);
            sender.sendFrameData(ByteBuffer.wrap(new byte[] {1, 2}));
            sender.sendFrameData(ByteBuffer.wrap(new byte[] {3, 4}));
            sender.endMessage();
            h.awaitPeerSaw("binary 01020304");
        }
    }

    @Test
    void frameHandlersGetOneWholeFrameAtATime() throws Exception {
        List<String> calls = new CopyOnWriteArrayList<>();
        try (Harness h = Harness.open(s -> Freeway.of(s).setFrameHandler(new dev.freeway.api.FrameHandler() {
            @Override
            public void onMessageBegin(int opcode) {
                calls.add("begin " + Opcode.name(opcode));
            }

            @Override
            public void onFrame(ByteBuffer payload, int rsv) {
                calls.add("frame " + StandardCharsets.UTF_8.decode(payload));
            }

            @Override
            public void onMessageEnd() {
                calls.add("end");
            }
        }))) {
            h.peer.send(new FrameBegin(Opcode.TEXT, 0, 5, false));
            h.peer.send(new FrameData(ByteBuffer.wrap("hel".getBytes(StandardCharsets.UTF_8))));
            h.peer.send(new FrameData(ByteBuffer.wrap("lo".getBytes(StandardCharsets.UTF_8))));
            h.peer.send(textFrame(" world", true));
            await().atMost(Duration.ofSeconds(5)).until(() -> calls.size() == 4);
            assertThat(calls).containsExactly("begin TEXT", "frame hello", "frame  world", "end");
        }
    }

    @Test
    void sendObjectSendsPrimitivesAsTextAndBytesAsBinary() throws Exception {
        try (Harness h = Harness.open(s -> { })) {
            h.session.getBasicRemote().sendObject(42);
            h.session.getBasicRemote().sendObject(new byte[] {1, 2});
            h.session.getAsyncRemote().sendObject(3.5).get(5, TimeUnit.SECONDS);
            assertThatThrownBy(() -> h.session.getBasicRemote().sendObject(new Object()))
                    .isInstanceOf(jakarta.websocket.EncodeException.class);
            h.awaitPeerSaw(text("42"), "binary 0102", text("3.5"));
        }
    }

    @Test
    void pauseHoldsReadingBackUntilResume() throws Exception {
        List<String> got = new CopyOnWriteArrayList<>();
        try (Harness h = Harness.open(s -> s.addMessageHandler(String.class, (MessageHandler.Whole<String>) m -> {
            got.add(m);
            if (m.equals("first")) {
                Freeway.of(s).pause();
            }
        }))) {
            FreewaySession fs = Freeway.of(h.session);
            h.peer.send(Data.text("first", true));
            h.peer.send(Data.text("second", true));
            h.peer.send(Data.text("third", true));
            await().atMost(Duration.ofSeconds(5)).until(() -> got.size() == 1);
            Thread.sleep(200);
            assertThat(got).containsExactly("first");
            assertThat(fs.isPaused()).isTrue();
            fs.resume();
            await().atMost(Duration.ofSeconds(5)).until(() -> got.size() == 3);
            assertThat(got).containsExactly("first", "second", "third");
        }
    }

    @Test
    void explicitPingsAreLeftToTheApplication() throws Exception {
        CountDownLatch pinged = new CountDownLatch(1);
        try (Harness h = Harness.open(s -> {
            FreewaySession fs = Freeway.of(s);
            fs.setExplicitPings(true);
            fs.setStreamingHandler(new StreamingHandler() {
                @Override
                public void onPing(ByteBuffer payload) {
                    pinged.countDown();
                }
            });
        })) {
            h.peer.send(new Ping(ByteBuffer.wrap(new byte[] {5})));
            assertThat(pinged.await(5, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(100);
            assertThat(h.peer.peerSaw()).isEmpty();
            Freeway.of(h.session).sender().sendPong(ByteBuffer.wrap(new byte[] {5}));
            h.awaitPeerSaw("pong 05");
        }
    }

    @Test
    void freewayOfRefusesForeignSessions() {
        assertThatThrownBy(() -> Freeway.of((Session) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Session.class}, (p, m, a) -> m.getName().equals("getUserProperties") ? Collections.emptyMap() : null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not come from Freeway");
    }

    /** Runs a send inside a handler, turning checked failures into test failures. */
    interface Send {
        void run() throws Exception;
    }

    static void send(Send s) {
        try {
            s.run();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
