package dev.freeway.engine;

import java.nio.ByteBuffer;

/**
 * A pong frame (payload at most 125 bytes), received or to send. An unsolicited pong is a valid
 * heartbeat.
 *
 * @param payload the application data
 */
public record Pong(ByteBuffer payload) implements Event {
    public Pong {
        payload = payload == null ? ByteBuffer.allocate(0) : payload;
        ControlFrames.checkLength("pong", payload.remaining());
    }

    public Pong() {
        this(ByteBuffer.allocate(0));
    }
}
