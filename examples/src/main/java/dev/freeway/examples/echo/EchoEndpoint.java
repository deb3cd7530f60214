package dev.freeway.examples.echo;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

import java.nio.ByteBuffer;

/**
 * Echoes every message as it came: text as text, binary as binary. permessage-deflate is
 * negotiated whenever the client offers it (Freeway offers it by default).
 *
 * <p>Messages are received whole, so the limit is raised from the 64 KiB default to
 * {@link #MAX_MESSAGE_SIZE}; anything larger is refused with 1009 before it is buffered.
 */
@ServerEndpoint("/echo")
public class EchoEndpoint {
    /** The largest message echoed, in bytes (UTF-8 bytes for text): 32 MiB. */
    public static final int MAX_MESSAGE_SIZE = 32 * 1024 * 1024;

    /** The returned value is sent back as a text message. */
    @OnMessage(maxMessageSize = MAX_MESSAGE_SIZE)
    public String text(String message) {
        return message;
    }

    /** The returned value is sent back as a binary message. */
    @OnMessage(maxMessageSize = MAX_MESSAGE_SIZE)
    public ByteBuffer binary(ByteBuffer message) {
        return message;
    }
}
