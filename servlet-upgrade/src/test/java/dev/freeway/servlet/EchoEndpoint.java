package dev.freeway.servlet;

import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

import java.io.IOException;
import java.nio.ByteBuffer;

/** Echoes text (prefixed with the path parameter) and binary; 1 MiB buffers. */
@ServerEndpoint("/echo/{name}")
public class EchoEndpoint {
    @OnMessage(maxMessageSize = 1 << 20)
    public String text(String message, @PathParam("name") String name) {
        return name + ":" + message;
    }

    @OnMessage(maxMessageSize = 1 << 20)
    public void binary(ByteBuffer data, Session session) throws IOException {
        session.getBasicRemote().sendBinary(data); // a blocking send from inside @OnMessage
    }
}
