package dev.freeway.api;

import java.nio.ByteBuffer;

/**
 * Receives a message frame by frame: the frame-based level of Autobahn's advanced API
 * ({@code onMessageBegin}, {@code onMessageFrame}, {@code onMessageEnd}). Each frame's payload is
 * buffered whole (up to the session's buffer size limit for its message type) and handed over in
 * one call; for frames of unbounded size use a {@link StreamingHandler}.
 */
public interface FrameHandler {

    /** A message begins ({@link Opcode#TEXT}, {@link Opcode#BINARY} or a reserved data opcode). */
    default void onMessageBegin(int opcode) {
    }

    /**
     * One whole frame of the current message.
     *
     * @param payload the frame's payload (inflated under permessage-deflate); valid only during
     *                this call
     * @param rsv     the frame's RSV bits
     */
    void onFrame(ByteBuffer payload, int rsv);

    /** The current message ended. */
    default void onMessageEnd() {
    }
}
