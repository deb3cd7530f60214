package dev.freeway.examples.hash;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

import java.nio.ByteBuffer;

/**
 * The message-based hash server: the SHA-256 of every whole message, written with nothing but
 * the Jakarta API. The container buffers each message (up to {@link #MAX_MESSAGE_SIZE}), which
 * is exactly what the frame and streaming variants avoid.
 */
@ServerEndpoint("/hash/message")
public class MessageHashEndpoint {
    /** The largest message hashed: 16 MiB (1009 beyond). */
    public static final int MAX_MESSAGE_SIZE = 16 * 1024 * 1024;

    /** The returned digest goes back as a text message. */
    @OnMessage(maxMessageSize = MAX_MESSAGE_SIZE)
    public String hash(ByteBuffer message) {
        return RunningDigest.of(message);
    }
}
