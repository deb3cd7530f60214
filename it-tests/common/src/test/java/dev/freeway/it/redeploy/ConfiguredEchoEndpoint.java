package dev.freeway.it.redeploy;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** Echoes text, behind a configurator that inherits most of its methods. */
@ServerEndpoint(value = "/configured", subprotocols = {"chat"}, configurator = HeaderConfigurator.class)
public class ConfiguredEchoEndpoint {
    @OnMessage
    public String echo(String message) {
        return message;
    }
}
