package dev.freeway.cdi.app;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** Needs nothing from CDI: works the same with it and without. */
@ServerEndpoint("/echo")
public class EchoEndpoint {
    @OnMessage
    public String echo(String text) {
        return "echo " + text;
    }
}
