package dev.freeway.api;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Sends messages frame by frame, or a frame chunk by chunk: the sending side of Autobahn's
 * advanced API ({@code beginMessage}, {@code sendMessageFrame}, {@code beginMessageFrame},
 * {@code sendMessageFrameData}, {@code endMessage}).
 *
 * <p>A message is begun with {@link #beginMessage(int)}; then any number of frames follow, each
 * either whole ({@link #sendFrame(ByteBuffer)}) or declared with {@link #beginFrame(long)} and
 * streamed with {@link #sendFrameData(ByteBuffer)} (the frame ends by itself when its declared
 * length has been sent); {@link #endMessage()} ends the message. A frame can declare up to
 * 2^63-1 bytes, so a message of any size can be sent with constant memory.
 *
 * <p>Misuse (a frame with no message begun, more data than the frame declared, a new message
 * while one is open) throws {@link IllegalStateException} and sends nothing.
 */
public interface StreamingSender {

    /**
     * Begins a message. Nothing is sent until its first frame.
     *
     * @param opcode {@link Opcode#TEXT}, {@link Opcode#BINARY}, or a reserved data opcode when
     *               the connection allows them
     */
    void beginMessage(int opcode) throws IOException;

    /** Sends {@code payload} as one whole frame of the current message. */
    void sendFrame(ByteBuffer payload) throws IOException;

    /**
     * Begins a frame of the current message whose payload will be {@code length} bytes, sent with
     * {@link #sendFrameData(ByteBuffer)}. Such a frame is never compressed.
     *
     * @param length 0 to 2^63-1
     */
    default void beginFrame(long length) throws IOException {
        beginFrame(length, 0);
    }

    /**
     * As {@link #beginFrame(long)}, with RSV bits (for extension authors; the connection must
     * allow them).
     */
    void beginFrame(long length, int rsv) throws IOException;

    /**
     * Sends payload for the frame in progress.
     *
     * @throws IllegalStateException if no frame is in progress or {@code chunk} is longer than
     *                               what the frame still needs
     */
    void sendFrameData(ByteBuffer chunk) throws IOException;

    /** Ends the current message (with an empty final frame, as the frames sent so far left it open). */
    void endMessage() throws IOException;

    /** Sends a ping; the payload is at most 125 bytes. */
    void sendPing(ByteBuffer payload) throws IOException;

    /** Sends a pong, to answer a ping or as a heartbeat; the payload is at most 125 bytes. */
    void sendPong(ByteBuffer payload) throws IOException;
}
