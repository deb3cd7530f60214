package dev.freeway.servlet;

import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.io.IOException;

/**
 * "close CODE" makes the server close with CODE; when any session of this endpoint closes, the
 * others are told "closed:CODE", so a second connection can watch how the server saw a close.
 */
@ServerEndpoint("/close")
public class CloseWatchEndpoint {
    @OnMessage
    public void command(String text, Session session) throws IOException {
        if (text.startsWith("close ")) {
            int code = Integer.parseInt(text.substring(6));
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), "asked to"));
        }
    }

    @OnClose
    public void closed(Session session, CloseReason reason) {
        for (Session other : session.getOpenSessions()) {
            if (other != session && other.isOpen()) {
                other.getAsyncRemote().sendText("closed:" + reason.getCloseCode().getCode());
            }
        }
    }
}
