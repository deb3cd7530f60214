package dev.freeway.examples.chat;

import dev.freeway.cdi.WebSocketSessionScoped;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.websocket.Session;

import java.util.List;

/**
 * One connection's part in the chat: its name (the {@code name} query parameter, or a guest
 * name) and what it says.
 *
 * <p>Scoped to the WebSocket session: CDI makes one per connection on first use and destroys it
 * when the connection closes, whatever closes it. The {@link Session} is injected: it is the
 * session of the connection whose callback is running.
 */
@WebSocketSessionScoped
public class ChatMember {
    static final int MAX_NAME_LENGTH = 32;

    @Inject
    Session session;

    private String name;

    @PostConstruct
    void named() {
        name = nameOf(session);
    }

    public String name() {
        return name;
    }

    /** Tells the room that this member arrived. */
    public void joined() {
        ChatRoom.broadcast(session, "* " + name + " joined #" + ChatRoom.roomOf(session)
                + " (" + ChatRoom.membersWith(session).size() + " here)");
    }

    /** Sends one line to the room, attributed to this member. */
    public void say(String text) {
        ChatRoom.broadcast(session, name + ": " + text);
    }

    /** Tells the room that this member left. */
    public void left() {
        ChatRoom.broadcast(session, "* " + name + " left");
    }

    private static String nameOf(Session session) {
        List<String> given = session.getRequestParameterMap().get("name");
        String name = given == null || given.isEmpty() ? "" : given.get(0).strip();
        if (name.isEmpty()) {
            return "guest-" + session.getId();
        }
        return name.length() > MAX_NAME_LENGTH ? name.substring(0, MAX_NAME_LENGTH) : name;
    }
}
