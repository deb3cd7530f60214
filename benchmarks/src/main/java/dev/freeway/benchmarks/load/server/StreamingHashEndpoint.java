package dev.freeway.benchmarks.load.server;

import dev.freeway.api.Freeway;
import dev.freeway.api.StreamingHandler;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * The SHA-256 of every message through Freeway's streaming API: each chunk is hashed while the
 * engine holds it, whatever the frame sizes. Served by Freeway; the peers serve
 * {@link PartialHashEndpoint}.
 */
@ServerEndpoint("/hash")
public class StreamingHashEndpoint {

    @OnOpen
    public void open(Session session) {
        Sha256 digest = new Sha256();
        Freeway.of(session).setStreamingHandler(new StreamingHandler() {
            @Override
            public void onFrameData(ByteBuffer data) {
                digest.update(data);
            }

            @Override
            public void onMessageEnd() {
                try {
                    session.getBasicRemote().sendText(digest.finish());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
    }
}
