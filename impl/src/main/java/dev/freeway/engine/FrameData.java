package dev.freeway.engine;

import java.nio.ByteBuffer;

/**
 * Payload for a frame begun with {@link FrameBegin}, sent in any number of chunks. The frame ends
 * once its declared length has been sent; sending more than declared is an error.
 *
 * @param chunk the bytes to send
 */
public record FrameData(ByteBuffer chunk) implements Event {
}
