package dev.freeway.servlet;

import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.io.IOException;

/** Echoes text; when a session closes, tells the others of the endpoint how ("closed CODE"). */
@ServerEndpoint("/watched")
public class WatchedEndpoint {
    @OnMessage
    public String text(String message) {
        return message;
    }

    @OnClose
    public void closed(Session session, CloseReason reason) throws IOException {
        for (Session other : session.getOpenSessions()) {
            if (other != session && other.isOpen()) {
                other.getBasicRemote().sendText("closed " + reason.getCloseCode().getCode());
            }
        }
    }
}
