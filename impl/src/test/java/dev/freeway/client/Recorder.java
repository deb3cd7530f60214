package dev.freeway.client;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A programmatic client endpoint that records what it receives: text (or text fragments as
 * {@code "chunk|more"} / {@code "chunk|last"}), binary messages as byte arrays, pongs as
 * {@code "pong HEX"}, errors, and the close reason.
 */
class Recorder extends Endpoint {
    static final int MAX_MESSAGE = 20 << 20;

    final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
    final List<Throwable> errors = new CopyOnWriteArrayList<>();
    final List<String> handlerThreads = new CopyOnWriteArrayList<>();
    volatile Session session;
    private final boolean partialText;

    Recorder() {
        this(false);
    }

    /** @param partialText whether text arrives through a {@code MessageHandler.Partial} */
    Recorder(boolean partialText) {
        this.partialText = partialText;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        this.session = session;
        session.setMaxTextMessageBufferSize(MAX_MESSAGE);
        session.setMaxBinaryMessageBufferSize(MAX_MESSAGE);
        if (partialText) {
            session.addMessageHandler(String.class, (MessageHandler.Partial<String>) (text, last) ->
                    received.add(text + (last ? "|last" : "|more")));
        } else {
            session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
                handlerThreads.add(Thread.currentThread().getName());
                received.add(text);
            });
        }
        session.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) bytes -> {
            byte[] copy = new byte[bytes.remaining()];
            bytes.get(copy);
            received.add(copy);
        });
        session.addMessageHandler(PongMessage.class, (MessageHandler.Whole<PongMessage>) pong ->
                received.add("pong " + ServerEndpoints.hex(pong.getApplicationData())));
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        closed.complete(closeReason);
    }

    @Override
    public void onError(Session session, Throwable thr) {
        errors.add(thr);
    }

    Object next() throws InterruptedException {
        Object o = received.poll(20, TimeUnit.SECONDS);
        assertThat(o).as("a message within 20 s (closed: %s, errors: %s)", closed.getNow(null), errors).isNotNull();
        return o;
    }

    String text() throws InterruptedException {
        return (String) next();
    }

    byte[] binary() throws InterruptedException {
        return (byte[]) next();
    }

    CloseReason awaitClose() throws Exception {
        return closed.get(20, TimeUnit.SECONDS);
    }
}
