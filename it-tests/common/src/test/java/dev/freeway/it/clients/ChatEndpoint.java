package dev.freeway.it.clients;

import jakarta.websocket.OnMessage;
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
