package dev.freeway.it.handshake;

import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

/**
 * A path template with two variables, one converted to an {@code int}: keeps what {@code @OnOpen}
 * got and answers {@code ?} with it; answers other messages with the room's name, to show the
 * values stay with the session.
 */
@ServerEndpoint("/rooms/{room}/users/{user}")
public class RoomEndpoint {

    private String opened;

    @OnOpen
    public void open(Session session, @PathParam("room") String room, @PathParam("user") int user) {
        opened = "room=" + room + ";user=" + user + ";next=" + (user + 1)
                + ";map=" + session.getPathParameters().get("room") + "," + session.getPathParameters().get("user");
    }

    @OnMessage
    public String message(String message, @PathParam("room") String room) {
        return "?".equals(message) ? opened : room + ": " + message;
    }
}
