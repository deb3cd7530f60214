package dev.freeway.examples.chat;

import jakarta.websocket.Session;

import java.util.List;

/**
 * One connection's part in the chat: its name (the {@code name} query parameter, or a guest
 * name) and what it says.
 *
 * <p>This is the per-connection state that Freeway's CDI module scopes: there it is a
 * {@code @WebSocketSessionScoped} bean whose {@code Session} is injected, rather than passed to
 * the constructor as here.
 */
public class ChatMember {
    static final int MAX_NAME_LENGTH = 32;

    private final Session session;
    private final String name;

    public ChatMember(Session session) {
        this.session = session;
        this.name = nameOf(session);
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
