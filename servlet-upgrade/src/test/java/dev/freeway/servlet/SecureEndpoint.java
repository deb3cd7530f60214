package dev.freeway.servlet;

import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.nio.ByteBuffer;

/** Echoes binary; answers text with whether the session is secure and the text's length. */
@ServerEndpoint("/secure")
public class SecureEndpoint {
    @OnMessage
    public String text(String message, Session session) {
        return "secure=" + session.isSecure() + " length=" + message.length();
    }

    @OnMessage(maxMessageSize = 1 << 24)
    public ByteBuffer binary(ByteBuffer message) {
        return message;
    }
}
