package dev.freeway.container.session;

import dev.freeway.container.codec.Encoded;
import dev.freeway.engine.Data;
import dev.freeway.engine.Event;
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
final class AsyncRemote extends RemoteBase implements RemoteEndpoint.Async {
    private static final System.Logger LOG = System.getLogger(AsyncRemote.class.getName());

    AsyncRemote(WsSession session) {
        super(session);
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
        require(text, "text");
        require(handler, "handler");
        send(Data.text(text, true), handler);
    }

    @Override
    public Future<Void> sendText(String text) {
        require(text, "text");
        return send(Data.text(text, true));
    }

    @Override
    public Future<Void> sendBinary(ByteBuffer data) {
        require(data, "data");
        return send(Data.binary(data, true));
    }

    @Override
    public void sendBinary(ByteBuffer data, SendHandler handler) {
        require(data, "data");
        require(handler, "handler");
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
        require(data, "data");
        require(handler, "handler");
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

    /**
     * Tells {@code handler} on the executor; it is application code, so it runs as a session
     * callback. Should the executor refuse (its queue is full), the handler runs here: it must
     * hear of its send, and waiting for room would hold this thread.
     */
    private void report(SendHandler handler, Throwable error) {
        SendResult result = error == null ? new SendResult() : new SendResult(error);
        Runnable tell = () -> {
            try {
                session.callback(() -> handler.onResult(result));
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "the SendHandler " + handler.getClass().getName() + " threw", e);
            }
        };
        try {
            session.settings().executor().execute(tell);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            tell.run();
        }
    }
}
