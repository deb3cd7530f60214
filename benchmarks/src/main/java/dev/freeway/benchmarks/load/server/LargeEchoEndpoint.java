package dev.freeway.benchmarks.load.server;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

import java.nio.ByteBuffer;

/** {@link EchoEndpoint} for large messages: the 4 MiB echo, with a 16 MiB limit. */
@ServerEndpoint("/echo-large")
public class LargeEchoEndpoint {
    /** 16 MiB: four times the 4 MiB echo. */
    public static final int MAX_MESSAGE_SIZE = 16 * 1024 * 1024;

    @OnMessage(maxMessageSize = MAX_MESSAGE_SIZE)
    public String text(String message) {
        return message;
    }

    @OnMessage(maxMessageSize = MAX_MESSAGE_SIZE)
    public ByteBuffer binary(ByteBuffer message) {
        return message;
    }
}
