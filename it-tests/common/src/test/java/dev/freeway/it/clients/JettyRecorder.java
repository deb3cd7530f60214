package dev.freeway.it.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * Records what Jetty's client receives, for {@link JettyClientIT}; demands automatically. Public,
 * because Jetty calls listener methods through public method handles.
 */
public final class JettyRecorder implements Session.Listener.AutoDemanding {

    private final ReceivedMessages messages = new ReceivedMessages();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final java.util.concurrent.BlockingQueue<byte[]> pongs = new java.util.concurrent.LinkedBlockingQueue<>();
    private volatile String reason;
    /** Set by the test once connected. */
    volatile Session session;

    @Override
    public void onWebSocketText(String message) {
        messages.add(message);
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        byte[] bytes = new byte[payload.remaining()];
        payload.get(bytes);
        messages.add(bytes);
        callback.succeed();
    }

    @Override
    public void onWebSocketPong(ByteBuffer payload) {
        byte[] bytes = new byte[payload.remaining()];
        payload.get(bytes);
        pongs.add(bytes);
    }

    /** @return the next pong's payload, waiting up to 10 s */
    byte[] nextPong() throws InterruptedException {
        byte[] pong = pongs.poll(10, TimeUnit.SECONDS);
        assertThat(pong).as("a pong within 10 s").isNotNull();
        return pong;
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        this.reason = reason;
        closed.complete(statusCode);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        closed.completeExceptionally(cause);
    }

    String nextText() throws Exception {
        return messages.nextText();
    }

    byte[] nextBinary() throws Exception {
        return messages.nextBinary();
    }

    /**
     * Closes with {@code code} and checks that the server answers with the same code. The close's
     * own callback is not awaited: Jetty's client aborts the connection as soon as the server's
     * answer arrives, and fails that callback with ClosedChannelException if its flusher had not yet
     * reported the close frame written (a race a fast server wins now and then). The answer shows
     * that the close was sent.
     */
    void closeWith(int code) throws Exception {
        session.close(code, "bye", Callback.NOOP);
        assertThat(closed.get(10, TimeUnit.SECONDS)).as("closed: %s", closeState()).isEqualTo(code);
    }

    /** @return how the connection closed so far, for failure messages */
    String closeState() {
        return closed.isDone() ? String.valueOf(closed.handle((code, e) -> code != null ? code : e).join()) + " " + reason
                : "nothing yet";
    }
}
