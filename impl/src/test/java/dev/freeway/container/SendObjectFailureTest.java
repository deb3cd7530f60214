package dev.freeway.container;

import static dev.freeway.container.PeerTransport.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.websocket.EncodeException;
import jakarta.websocket.Encoder;
import jakarta.websocket.SendResult;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An encoder that fails: every sender reports it as the API says (TCK remoteendpoint.async). */
class SendObjectFailureTest {

    /** Text made by an encoder that throws a runtime exception, as the TCK's ThrowingStringBeanEncoder does. */
    record RuntimeBomb(String how) {
    }

    public static class RuntimeThrowing implements Encoder.Text<RuntimeBomb> {
        @Override
        public String encode(RuntimeBomb bomb) {
            throw new IllegalStateException("TCK-like " + bomb.how());
        }
    }

    private static Harness open() throws Exception {
        ServerEndpointConfig config = ServerEndpointConfig.Builder.create(Harness.Recorder.class, "/bombs")
                .encoders(List.of(RuntimeThrowing.class)).build();
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
}
