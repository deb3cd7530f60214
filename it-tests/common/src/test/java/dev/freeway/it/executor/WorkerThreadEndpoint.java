package dev.freeway.it.executor;

import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;

/** Tells the client which thread opened its session: always one of Freeway's workers. */
@ServerEndpoint("/worker-thread")
public class WorkerThreadEndpoint {

    @OnOpen
    public void opened(Session session) throws IOException {
        session.getBasicRemote().sendText(Thread.currentThread().toString());
    }
}
