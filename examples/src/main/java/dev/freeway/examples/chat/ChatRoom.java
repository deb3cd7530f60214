package dev.freeway.examples.chat;

import jakarta.websocket.Session;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A room is not an object anyone has to keep: its members are the open sessions of the chat
 * endpoint whose {@code room} path parameter matches. So rooms appear with their first member
 * and vanish with their last, and there is no shared state to keep in step.
 */
final class ChatRoom {
    static final String ROOM_PARAMETER = "room";
    private static final System.Logger LOG = System.getLogger(ChatRoom.class.getName());

    private ChatRoom() {
    }

    /** The open sessions in the same room as {@code member} (including it). */
    static List<Session> membersWith(Session member) {
        String room = roomOf(member);
        return member.getOpenSessions().stream()
                .filter(s -> s.isOpen() && room.equals(roomOf(s)))
                .collect(Collectors.toList());
    }

    /**
     * Sends {@code line} to everyone in {@code member}'s room. Asynchronous sends, so one slow
     * reader delays nobody; a member whose connection fails is closed by its own session.
     */
    static void broadcast(Session member, String line) {
        for (Session s : membersWith(member)) {
            s.getAsyncRemote().sendText(line, result -> {
                if (!result.isOK()) {
                    LOG.log(System.Logger.Level.DEBUG, "chat line not delivered to " + s.getId(), result.getException());
                }
            });
        }
    }

    static String roomOf(Session session) {
        return session.getPathParameters().getOrDefault(ROOM_PARAMETER, "");
    }
}
