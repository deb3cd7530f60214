package dev.freeway.it.protocol;

import jakarta.websocket.OnMessage;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Echoes text and binary; a text {@code ping:<payload>} makes it ping the client instead, and a
 * pong it receives is reported back as the text {@code pong:<payload>}.
 */
@ServerEndpoint("/echo")
public class PingEchoEndpoint {

    static final String PING_PREFIX = "ping:";

    @OnMessage
    public String text(String message, Session session) throws IOException {
        if (message.startsWith(PING_PREFIX)) {
            byte[] payload = message.substring(PING_PREFIX.length()).getBytes(StandardCharsets.UTF_8);
            session.getBasicRemote().sendPing(ByteBuffer.wrap(payload));
            return null;
        }
        return message;
    }

    @OnMessage
    public ByteBuffer binary(ByteBuffer message) {
        return message;
    }

    @OnMessage
    public String pong(PongMessage pong) {
        return "pong:" + StandardCharsets.UTF_8.decode(pong.getApplicationData());
    }
}
