package dev.freeway.it.handshake;

import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;

/** Greets every client from {@code @OnOpen}, with a blocking send, as many applications do. */
@ServerEndpoint("/greet")
public class GreetingEndpoint {

    static final String GREETING = "welcome";

    @OnOpen
    public void open(Session session) throws IOException {
        session.getBasicRemote().sendText(GREETING);
    }
}
