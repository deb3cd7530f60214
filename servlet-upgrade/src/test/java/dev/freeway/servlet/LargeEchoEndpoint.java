package dev.freeway.servlet;

import jakarta.websocket.CloseReason;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.io.IOException;
import java.nio.ByteBuffer;

/** Echoes binary messages of up to 32 MiB; the text "close:CODE" makes the server close with CODE. */
@ServerEndpoint("/large")
public class LargeEchoEndpoint {
    @OnMessage(maxMessageSize = 32 << 20)
    public void binary(ByteBuffer data, Session session) throws IOException {
        session.getBasicRemote().sendBinary(data);
    }

    @OnMessage
    public String text(String message, Session session) throws IOException {
        if (message.startsWith("close:")) {
            int code = Integer.parseInt(message.substring("close:".length()));
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), "closed by the server"));
            return null;
        }
        return message;
    }
}
