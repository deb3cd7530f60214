package dev.freeway.servlet;

import jakarta.websocket.OnMessage;
import jakarta.websocket.SendHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/**
 * On a text "N", sends the texts "0" to "N-1" asynchronously, each one from the {@link SendHandler}
 * of the one before: a chain of sends made from write completions, however the transport runs
 * those (at once on the sending thread, or later on a container thread).
 */
@ServerEndpoint("/chain")
public class ChainEndpoint {
    @OnMessage
    public void start(String count, Session session) {
        sendFrom(0, Integer.parseInt(count), session);
    }

    private static void sendFrom(int i, int count, Session session) {
        if (i == count) {
            return;
        }
        session.getAsyncRemote().sendText(Integer.toString(i), result -> {
            if (result.isOK()) {
                sendFrom(i + 1, count, session);
            } else {
                session.getAsyncRemote().sendText("failed at " + i + ": " + result.getException());
            }
        });
    }
}
