package dev.freeway.it.redeploy;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** Echoes text; its configurator makes the instances. */
@ServerEndpoint(value = "/configured", subprotocols = {"chat"}, configurator = MakingConfigurator.class)
public class MadeEchoEndpoint {
    @OnMessage
    public String echo(String message) {
        return message;
    }
}
