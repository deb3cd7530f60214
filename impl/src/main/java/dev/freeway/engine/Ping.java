package dev.freeway.engine;

import java.nio.ByteBuffer;

/**
 * A ping frame (payload at most 125 bytes), received or to send.
 *
 * @param payload the application data
 */
public record Ping(ByteBuffer payload) implements Event {
    public Ping {
        payload = payload == null ? ByteBuffer.allocate(0) : payload;
        ControlFrames.checkLength("ping", payload.remaining());
    }

    public Ping() {
        this(ByteBuffer.allocate(0));
    }

    /** The pong that answers this ping: same payload. */
    public Pong response() {
        return new Pong(payload.duplicate());
    }
}
