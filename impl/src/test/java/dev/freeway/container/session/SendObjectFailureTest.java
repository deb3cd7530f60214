package dev.freeway.container.session;

import static dev.freeway.container.session.PeerTransport.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.freeway.container.send.FragmentingOutputStream;
import jakarta.websocket.EncodeException;
import jakarta.websocket.Encoder;
import jakarta.websocket.SendResult;
import jakarta.websocket.server.ServerEndpointConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * An encoder that fails: every sender reports it as the API says, and no message, not even an
 * empty one, reaches the peer (TCK remoteendpoint.async and throwingcoder.annotated).
 */
class SendObjectFailureTest {

    /** Its encoders say what to do through the value. */
    record Bomb(String how) {
    }

    /** Text made by an encoder that throws a runtime exception, as the TCK's ThrowingStringBeanEncoder does. */
    record RuntimeBomb(String how) {
    }

    /** Binary written through a stream. */
    record BinaryBomb(int bytesFirst) {
    }

    public static class RuntimeThrowing implements Encoder.Text<RuntimeBomb> {
        @Override
        public String encode(RuntimeBomb bomb) {
            throw new IllegalStateException("TCK-like " + bomb.how());
        }
    }

    public static class ThrowingWriter implements Encoder.TextStream<Bomb> {
        @Override
        public void encode(Bomb bomb, Writer writer) throws EncodeException, IOException {
            throw new EncodeException(bomb, "cannot write " + bomb.how());
        }
    }

    public static class ThrowingStream implements Encoder.BinaryStream<BinaryBomb> {
        @Override
        public void encode(BinaryBomb bomb, OutputStream out) throws IOException {
            out.write(new byte[bomb.bytesFirst()]);
            throw new IllegalArgumentException("broken after " + bomb.bytesFirst() + " bytes");
        }
    }

    private static Harness open() throws Exception {
        ServerEndpointConfig config = ServerEndpointConfig.Builder.create(Harness.Recorder.class, "/bombs")
                .encoders(List.of(RuntimeThrowing.class, ThrowingWriter.class, ThrowingStream.class)).build();
        return Harness.open(config, s -> { });
    }

    @Test
    void anAsyncSendObjectsFutureFailsWithTheEncodersException() throws Exception {
        try (Harness h = open()) {
            Future<Void> sent = h.session.getAsyncRemote().sendObject(new RuntimeBomb("future"));
            assertThatThrownBy(() -> sent.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(EncodeException.class)
                    .cause().isInstanceOf(IllegalStateException.class).hasMessage("TCK-like future");
            h.session.getBasicRemote().sendText("after");
            h.awaitPeerSaw("text " + hex("after"));
        }
    }

    @Test
    void anAsyncSendObjectsHandlerHearsOfTheFailure() throws Exception {
        try (Harness h = open()) {
            CompletableFuture<SendResult> result = new CompletableFuture<>();
            h.session.getAsyncRemote().sendObject(new RuntimeBomb("handler"), result::complete);
            SendResult r = result.get(10, TimeUnit.SECONDS);
            assertThat(r.isOK()).isFalse();
            assertThat(r.getException()).isInstanceOf(EncodeException.class).hasRootCauseMessage("TCK-like handler");
        }
    }

    @Test
    void aBlockingSendObjectThrowsEncodeException() throws Exception {
        try (Harness h = open()) {
            assertThatThrownBy(() -> h.session.getBasicRemote().sendObject(new RuntimeBomb("basic")))
                    .isInstanceOf(EncodeException.class).hasRootCauseMessage("TCK-like basic");
        }
    }

    @Test
    void aStreamEncoderThatThrowsSendsNoMessage() throws Exception {
        try (Harness h = open()) {
            assertThatThrownBy(() -> h.session.getBasicRemote().sendObject(new Bomb("text")))
                    .isInstanceOf(EncodeException.class).hasMessage("cannot write text");
            CompletableFuture<SendResult> result = new CompletableFuture<>();
            h.session.getAsyncRemote().sendObject(new BinaryBomb(10), result::complete);
            assertThat(result.get(10, TimeUnit.SECONDS).getException()).isInstanceOf(EncodeException.class)
                    .hasRootCauseMessage("broken after 10 bytes");
            h.session.getBasicRemote().sendText("next"); // the outbound side is free, and this is all the peer sees
            h.awaitPeerSaw("text " + hex("next"));
            assertThat(h.session.isOpen()).isTrue();
        }
    }

    @Test
    void aStreamEncoderThatFailsAfterAFragmentEndsTheConnectionWith1011() throws Exception {
        try (Harness h = open()) {
            int bytes = FragmentingOutputStream.FRAGMENT_SIZE + 1; // one fragment is out when it throws
            assertThatThrownBy(() -> h.session.getBasicRemote().sendObject(new BinaryBomb(bytes)))
                    .isInstanceOf(EncodeException.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> !h.endpoint.closes.isEmpty());
            assertThat(h.endpoint.closes.get(0).getCloseCode().getCode()).isEqualTo(1011);
            await().atMost(Duration.ofSeconds(5)).until(() -> !h.session.isOpen()); // once onClose has returned
        }
    }
}
