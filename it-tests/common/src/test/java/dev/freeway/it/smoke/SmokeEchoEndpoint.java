package dev.freeway.it.smoke;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** Echoes text messages. */
@ServerEndpoint("/echo")
public class SmokeEchoEndpoint {

    @OnMessage
    public String echo(String message) {
        return message;
    }
}
