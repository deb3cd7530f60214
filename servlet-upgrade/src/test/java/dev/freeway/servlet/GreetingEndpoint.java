package dev.freeway.servlet;

import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.io.IOException;

/** Greets with a blocking send from @OnOpen, which must not wait for the upgrade to finish. */
@ServerEndpoint("/greet")
public class GreetingEndpoint {
    @OnOpen
    public void open(Session session) throws IOException {
        session.getBasicRemote().sendText("welcome");
    }
}
