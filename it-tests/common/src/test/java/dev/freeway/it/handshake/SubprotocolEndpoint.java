package dev.freeway.it.handshake;

import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/** Supports two subprotocols and answers any message with the one the handshake agreed on. */
@ServerEndpoint(value = "/proto", subprotocols = {"v2.chat", "v1.chat"})
public class SubprotocolEndpoint {

    @OnMessage
    public String which(String message, Session session) {
        return "subprotocol=" + session.getNegotiatedSubprotocol();
    }
}
