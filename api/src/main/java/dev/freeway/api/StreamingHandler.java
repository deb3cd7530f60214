package dev.freeway.api;

import java.nio.ByteBuffer;

/**
 * Receives messages as they arrive, without any buffering: the streaming level of Autobahn's
 * advanced API ({@code onMessageBegin}, {@code onMessageFrameBegin}, {@code onMessageFrameData},
 * {@code onMessageFrameEnd}, {@code onMessageEnd}).
 *
 * <p>For every message the calls come in this order: {@code onMessageBegin}, then for each frame
 * {@code onFrameBegin}, any number of {@code onFrameData}, {@code onFrameEnd}, and finally
 * {@code onMessageEnd}. Control frames ({@code onPing}, {@code onPong}) may come between any two
 * calls. A frame may declare up to 2^63-1 bytes; memory stays constant because each chunk is
 * handed over as it arrives.
 *
 * <p>Every method has an empty default, so a handler overrides only what it needs.
 */
public interface StreamingHandler {

    /**
     * A message begins.
     *
     * @param opcode {@link Opcode#TEXT}, {@link Opcode#BINARY}, or a reserved data opcode when
     *               the connection allows them
     */
    default void onMessageBegin(int opcode) {
    }

    /**
     * A frame of the current message begins.
     *
     * @param length the payload length the frame declares on the wire (under permessage-deflate,
     *               the compressed length; the data delivered is inflated)
     * @param rsv    the frame's RSV bits, RSV1 = 4, RSV2 = 2, RSV3 = 1
     */
    default void onFrameBegin(long length, int rsv) {
    }

    /**
     * Payload of the current frame: unmasked, inflated, and for text valid UTF-8 so far (a code
     * point may continue in the next chunk).
     *
     * @param data a view that is valid only during this call; copy what must be kept
     */
    default void onFrameData(ByteBuffer data) {
    }

    /** The current frame ended. */
    default void onFrameEnd() {
    }

    /** The current message ended. */
    default void onMessageEnd() {
    }

    /**
     * A ping arrived. Unless the connection was set to answer pings itself, the application must
     * answer with {@link StreamingSender#sendPong(ByteBuffer)}.
     *
     * @param payload at most 125 bytes; valid only during this call
     */
    default void onPing(ByteBuffer payload) {
    }

    /**
     * A pong arrived (the answer to a ping, or an unsolicited heartbeat).
     *
     * @param payload at most 125 bytes; valid only during this call
     */
    default void onPong(ByteBuffer payload) {
    }
}
