package dev.freeway.it.messages;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** Echoes messages within the WAR's buffer limits, which come from its context parameters. */
@ServerEndpoint("/limited")
public class LimitedEchoEndpoint {

    @OnMessage
    public String text(String message) {
        return message;
    }

    @OnMessage
    public byte[] binary(byte[] message) {
        return message;
    }
}
