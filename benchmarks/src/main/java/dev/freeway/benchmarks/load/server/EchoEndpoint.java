package dev.freeway.benchmarks.load.server;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

import java.nio.ByteBuffer;

/**
 * Echoes text as text and binary as binary, each message whole. The same class on every server;
 * the limit is raised above the 64 KiB messages the harness sends here, so no server's default
 * limit decides a scenario. (Tomcat sizes each session's message buffers to this limit once a
 * message arrives, so a limit far above the messages would measure that instead:
 * {@link LargeEchoEndpoint} serves the 4 MiB echo.)
 */
@ServerEndpoint("/echo")
public class EchoEndpoint {
    /** 128 KiB: twice the 64 KiB echo. */
    public static final int MAX_MESSAGE_SIZE = 128 * 1024;

    @OnMessage(maxMessageSize = MAX_MESSAGE_SIZE)
    public String text(String message) {
        return message;
    }

    @OnMessage(maxMessageSize = MAX_MESSAGE_SIZE)
    public ByteBuffer binary(ByteBuffer message) {
        return message;
    }
}
