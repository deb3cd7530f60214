package dev.freeway.it.clients;

import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;

/**
 * A chat room: every text message goes to every open session of the room, its sender included.
 * Sends to one member are serialized on its session, since a basic remote takes one message at a
 * time; so each member gets each sender's messages in the order they were sent.
 */
@ServerEndpoint("/chat")
public class ChatEndpoint {

    /**
     * Sent to a member once it is in the room. A client's handshake completes before the
     * container runs the upgrade handler that adds the session to the room (the 101 is committed
     * first, in every Servlet container), so a member that has not heard this may still miss a
     * line that another member sends at that moment.
     */
    static final String WELCOME = "welcome";

    @OnOpen
    public void joined(Session session) throws IOException {
        synchronized (session) {
            session.getBasicRemote().sendText(WELCOME);
        }
    }

    @OnMessage
    public void message(String text, Session session) throws IOException {
        for (Session member : session.getOpenSessions()) {
            synchronized (member) {
                if (member.isOpen()) {
                    member.getBasicRemote().sendText(text);
                }
            }
        }
    }
}
