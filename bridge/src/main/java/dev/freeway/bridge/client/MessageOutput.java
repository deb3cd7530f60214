package dev.freeway.bridge.client;

import dev.freeway.bridge.StreamSubprotocol;

import jakarta.websocket.Session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Writes bytes as messages of at most {@code maxMessage} bytes: binary payloads, or Base64 text
 * (each message padded and decodable on its own, as websockify's legacy clients expect).
 * Blocking sends: a write returns when its bytes reached the network, so a slow server holds
 * the writer (within the session's send timeout), not memory.
 */
final class MessageOutput {
    private final Session session;
    private final StreamSubprotocol framing;
    private final int maxMessage;

    MessageOutput(Session session, StreamSubprotocol framing, int maxMessage) {
        this.session = session;
        this.framing = framing;
        this.maxMessage = maxMessage;
    }

    synchronized void write(ByteBuffer src) throws IOException {
        if (!session.isOpen()) {
            throw new IOException("the WebSocket stream is closed");
        }
        while (src.hasRemaining()) {
            int n = Math.min(src.remaining(), maxMessage);
            ByteBuffer message = src.slice(src.position(), n);
            if (framing == StreamSubprotocol.BASE64) {
                session.getBasicRemote().sendText(StandardCharsets.US_ASCII.decode(Base64.getEncoder().encode(message)).toString());
            } else {
                session.getBasicRemote().sendBinary(message);
            }
            src.position(src.position() + n);
        }
    }
}
