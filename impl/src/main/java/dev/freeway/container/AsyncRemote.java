package dev.freeway.container;

import dev.freeway.engine.Data;
import dev.freeway.engine.Event;
import dev.freeway.engine.Ping;
import dev.freeway.engine.Pong;
import jakarta.websocket.EncodeException;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * {@code RemoteEndpoint.Async}: sends return at once; the outcome reaches a {@link SendHandler}
 * (always on the container's executor, never on the sender's own stack) or a {@link Future}.
 * A send that is not written within the send timeout fails and drops the connection.
 */
final class AsyncRemote implements RemoteEndpoint.Async {
    private final WsSession session;

    AsyncRemote(WsSession session) {
        this.session = session;
    }

    @Override
    public long getSendTimeout() {
        return session.settings().sendTimeoutMillis();
    }

    @Override
    public void setSendTimeout(long timeoutmillis) {
        session.settings().sendTimeoutMillis(timeoutmillis);
    }

    @Override
    public void sendText(String text, SendHandler handler) {
        BasicRemote.require(text, "text");
        BasicRemote.require(handler, "handler");
        send(Data.text(text, true), handler);
    }

    @Override
    public Future<Void> sendText(String text) {
        BasicRemote.require(text, "text");
        return send(Data.text(text, true));
    }

    @Override
    public Future<Void> sendBinary(ByteBuffer data) {
        BasicRemote.require(data, "data");
        return send(Data.binary(data, true));
    }

    @Override
    public void sendBinary(ByteBuffer data, SendHandler handler) {
        BasicRemote.require(data, "data");
        BasicRemote.require(handler, "handler");
        send(Data.binary(data, true), handler);
    }

    @Override
    public Future<Void> sendObject(Object data) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        sendObject(data, result -> {
            if (result.isOK()) {
                f.complete(null);
            } else {
                f.completeExceptionally(result.getException());
            }
        });
        return f;
    }

    @Override
    public void sendObject(Object data, SendHandler handler) {
        BasicRemote.require(data, "data");
        BasicRemote.require(handler, "handler");
        Encoded encoded;
        try {
            encoded = session.codecs().encode(data);
        } catch (EncodeException e) {
            report(handler, e);
            return;
        }
        if (encoded instanceof Encoded.Text) {
            send(Data.text(((Encoded.Text) encoded).text(), true), handler);
        } else if (encoded instanceof Encoded.Binary) {
            send(Data.binary(((Encoded.Binary) encoded).bytes(), true), handler);
        } else {
            // Stream encoders write through a blocking stream: run them off the caller's thread.
            session.settings().executor().execute(() -> {
                try {
                    session.getBasicRemote().sendObject(data);
                    report(handler, null);
                } catch (IOException | EncodeException | RuntimeException e) {
                    report(handler, e);
                }
            });
        }
    }

    @Override
    public void setBatchingAllowed(boolean allowed) throws IOException {
        session.outbound().setBatching(allowed);
    }

    @Override
    public boolean getBatchingAllowed() {
        return session.outbound().isBatching();
    }

    @Override
    public void flushBatch() throws IOException {
        session.outbound().flushBatch();
    }

    @Override
    public void sendPing(ByteBuffer applicationData) throws IOException {
        session.outbound().sendBlocking(new Ping(BasicRemote.orEmpty(applicationData)), false);
    }

    @Override
    public void sendPong(ByteBuffer applicationData) throws IOException {
        session.outbound().sendBlocking(new Pong(BasicRemote.orEmpty(applicationData)), false);
    }

    private void send(Event event, SendHandler handler) {
        session.outbound().sendAsync(event, error -> report(handler, error));
    }

    private Future<Void> send(Event event) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        session.outbound().sendAsync(event, error -> {
            if (error == null) {
                f.complete(null);
            } else {
                f.completeExceptionally(error);
            }
        });
        return f;
    }

    private void report(SendHandler handler, Throwable error) {
        SendResult result = error == null ? new SendResult() : new SendResult(error);
        session.settings().executor().execute(() -> handler.onResult(result));
    }
}
