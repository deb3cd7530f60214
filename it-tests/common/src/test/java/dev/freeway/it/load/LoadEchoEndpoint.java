package dev.freeway.it.load;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** Echoes text. */
@ServerEndpoint("/echo")
public class LoadEchoEndpoint {

    @OnMessage
    public String echo(String message) {
        return message;
    }
}
