package dev.freeway.benchmarks.load.server;

import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The SHA-256 of every binary message, received in parts ({@code MessageHandler.Partial} through
 * the annotation's {@code boolean last}): the Jakarta API's way of taking a message of any size
 * in constant memory. Served by the peers; Freeway serves {@link StreamingHashEndpoint}.
 */
@ServerEndpoint("/hash")
public class PartialHashEndpoint {
    private final Sha256 digest = new Sha256();

    @OnMessage
    public void part(ByteBuffer part, boolean last, Session session) throws IOException {
        digest.update(part);
        if (last) {
            session.getBasicRemote().sendText(digest.finish());
        }
    }
}
