package dev.freeway.it.clients;

import jakarta.websocket.Extension;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.nio.ByteBuffer;
import java.util.stream.Collectors;

/**
 * Echoes text and binary messages of up to 32 MiB, for the clients we did not write; the text
 * {@value #EXTENSIONS} is answered with the extensions the server side agreed on, and
 * {@value #SUBPROTOCOL} with the subprotocol.
 */
@ServerEndpoint(value = "/echo", subprotocols = {"chat.v2", "chat.v1"})
public class ClientsEchoEndpoint {

    static final String EXTENSIONS = "?extensions";
    static final String SUBPROTOCOL = "?subprotocol";
    static final int LIMIT = 32 * 1024 * 1024;

    @OnMessage(maxMessageSize = LIMIT)
    public String text(String message, Session session) {
        if (EXTENSIONS.equals(message)) {
            return "extensions=" + session.getNegotiatedExtensions().stream().map(Extension::getName)
                    .collect(Collectors.joining(","));
        }
        if (SUBPROTOCOL.equals(message)) {
            return "subprotocol=" + session.getNegotiatedSubprotocol();
        }
        return message;
    }

    @OnMessage(maxMessageSize = LIMIT)
    public ByteBuffer binary(ByteBuffer message) {
        return message;
    }
}
