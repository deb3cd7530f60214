package dev.freeway.servlet;

import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.io.IOException;
import java.nio.ByteBuffer;

/** Echoes binary messages of up to 32 MiB with a blocking send from inside {@code @OnMessage}. */
@ServerEndpoint("/big")
public class BigEchoEndpoint {
    @OnMessage(maxMessageSize = 32 << 20)
    public void echo(ByteBuffer data, Session session) throws IOException {
        session.getBasicRemote().sendBinary(data);
    }
}
