package dev.freeway.it.lifecycle;

import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.util.List;

/**
 * Echoes text. With a query parameter {@code idle=<ms>} it sets its own idle timeout through
 * {@link Session#setMaxIdleTimeout}, overriding the WAR's context parameter.
 */
@ServerEndpoint("/idle")
public class IdleEchoEndpoint {

    @OnOpen
    public void open(Session session) {
        List<String> idle = session.getRequestParameterMap().get("idle");
        if (idle != null) {
            session.setMaxIdleTimeout(Long.parseLong(idle.get(0)));
        }
    }

    @OnMessage
    public String echo(String message) {
        return message;
    }
}
