package dev.freeway.client;

import dev.freeway.container.TransportListener;
import dev.freeway.engine.AcceptConnection;
import dev.freeway.engine.Connection;
import dev.freeway.engine.Event;
import dev.freeway.engine.RejectConnection;
import dev.freeway.engine.RejectData;
import dev.freeway.engine.RemoteProtocolError;
import jakarta.websocket.DeploymentException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * The WebSocket opening handshake over a ready transport: writes the request the engine made,
 * feeds the response to the engine, and completes {@link #result} with the server's acceptance or
 * rejection (and the start of a rejection's body, for the error message). Listener calls come one
 * at a time from the transport.
 */
final class OpeningHandshake implements TransportListener {
    /** Rejection bodies are read this far: enough for a first line, never a whole page. */
    private static final int MAX_BODY = 4096;

    /** The server's answer. */
    sealed interface Outcome permits Accepted, Rejected {
    }

    /** A valid 101. */
    record Accepted(AcceptConnection accept) implements Outcome {
    }

    /** Any other status, with the start of the body. */
    record Rejected(RejectConnection reject, byte[] body) implements Outcome {
    }

    private final NioTransport transport;
    private final Connection engine;
    final CompletableFuture<Outcome> result = new CompletableFuture<>();
    private RejectConnection reject;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    OpeningHandshake(NioTransport transport, Connection engine) {
        this.transport = transport;
        this.engine = engine;
    }

    void start(ByteBuffer[] requestBytes) {
        transport.start(this);
        transport.write(requestBytes, error -> {
            if (error != null) {
                result.completeExceptionally(error);
            }
        });
        transport.demand();
    }

    /** What is known when time runs out: a rejection whose body is still coming counts as one. */
    synchronized Outcome soFar() {
        return reject != null ? new Rejected(reject, body.toByteArray()) : null;
    }

    @Override
    public synchronized void onData(ByteBuffer data) {
        engine.receive(data);
        try {
            for (Event e; (e = engine.nextEvent()) != null; ) {
                if (e instanceof AcceptConnection accept) {
                    // Frames the server sent right after its 101 stay for the session.
                    ByteBuffer rest = data.slice();
                    data.position(data.limit());
                    if (rest.hasRemaining()) {
                        transport.unread(rest);
                    }
                    result.complete(new Accepted(accept));
                    return;
                }
                if (e instanceof RejectConnection r) {
                    reject = r;
                    if (!r.hasBody()) {
                        rejected();
                        return;
                    }
                } else if (e instanceof RejectData d) {
                    ByteBuffer chunk = d.data();
                    int n = Math.min(chunk.remaining(), MAX_BODY - body.size());
                    byte[] part = new byte[n];
                    chunk.duplicate().get(part);
                    body.writeBytes(part);
                    if (d.bodyFinished() || body.size() >= MAX_BODY || RejectionText.chunkedBodyComplete(reject, body)) {
                        rejected();
                        return;
                    }
                }
            }
        } catch (RemoteProtocolError error) {
            transport.abort();
            result.completeExceptionally(new DeploymentException("the server's handshake response is not valid: "
                    + error.getMessage(), error));
            return;
        }
        transport.demand();
    }

    @Override
    public synchronized void onEnd() {
        if (reject != null) {
            rejected();
        } else {
            result.completeExceptionally(new IOException("the server closed the connection without answering the "
                    + "WebSocket handshake"));
        }
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    private void rejected() {
        transport.abort();
        result.complete(new Rejected(reject, body.toByteArray()));
    }
}
