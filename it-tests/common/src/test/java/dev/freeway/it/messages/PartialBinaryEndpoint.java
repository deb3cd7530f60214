package dev.freeway.it.messages;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;
import java.nio.ByteBuffer;

/**
 * Receives binary messages in parts ({@code boolean last}) without buffering them and, at the last
 * part, answers how many parts and bytes came and their SHA-256.
 */
@ServerEndpoint("/partial-binary")
public class PartialBinaryEndpoint {

    private Digest digest = new Digest();
    private long bytes;
    private int parts;

    @OnMessage
    public String part(ByteBuffer part, boolean last) {
        bytes += part.remaining();
        digest.update(part);
        parts++;
        if (!last) {
            return null;
        }
        String answer = "parts=" + parts + ";bytes=" + bytes + ";sha256=" + digest.hex();
        digest = new Digest();
        bytes = 0;
        parts = 0;
        return answer;
    }
}
