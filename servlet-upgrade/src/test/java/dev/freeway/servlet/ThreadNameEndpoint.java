package dev.freeway.servlet;

import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;

/** Tells the client the name of the thread that opened its session (one of the container's workers). */
@ServerEndpoint("/thread-name")
public class ThreadNameEndpoint {

    @OnOpen
    public void opened(Session session) throws IOException {
        session.getBasicRemote().sendText(Thread.currentThread().getName());
    }
}
