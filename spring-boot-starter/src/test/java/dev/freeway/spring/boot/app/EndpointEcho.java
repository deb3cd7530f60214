package dev.freeway.spring.boot.app;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** A Jakarta annotated endpoint: echoes text with a prefix that tells which endpoint answered. */
@ServerEndpoint("/endpoint")
public class EndpointEcho {

    @OnMessage
    public String echo(String message) {
        return "endpoint:" + message;
    }
}
