package dev.freeway.it.messages;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;
import java.nio.ByteBuffer;

/**
 * Echoes text and binary messages of up to 32 MiB: {@code maxMessageSize} raises the WAR's small
 * buffer limits (context parameters) for this endpoint only.
 */
@ServerEndpoint("/big")
public class BigEchoEndpoint {

    /** 32 MiB: room for the 16 MiB messages of the tests. */
    static final int LIMIT = 32 * 1024 * 1024;

    @OnMessage(maxMessageSize = LIMIT)
    public String text(String message) {
        return message;
    }

    @OnMessage(maxMessageSize = LIMIT)
    public ByteBuffer binary(ByteBuffer message) {
        return message;
    }
}
