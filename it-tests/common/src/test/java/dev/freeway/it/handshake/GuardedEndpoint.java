package dev.freeway.it.handshake;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** Echoes text, for allowed origins only. */
@ServerEndpoint(value = "/guarded", configurator = OriginConfigurator.class)
public class GuardedEndpoint {

    @OnMessage
    public String echo(String message) {
        return message;
    }
}
