package dev.freeway.it.messages;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** Echoes text of at most {@link #LIMIT} bytes: lower than the WAR's limit, set by the annotation. */
@ServerEndpoint("/capped")
public class CappedEchoEndpoint {

    static final int LIMIT = 200;

    @OnMessage(maxMessageSize = LIMIT)
    public String text(String message) {
        return message;
    }
}
