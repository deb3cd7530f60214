package dev.freeway.container.message;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Collects one message's bytes, growing geometrically as they come, never past a limit: memory
 * follows what was received, not what the limit allows.
 */
public final class GrowingBuffer {
    private static final int INITIAL = 256;

    private byte[] bytes = new byte[0];
    private int size;

    public int size() {
        return size;
    }

    /** Appends {@code chunk} (position to limit, not moved). The caller has checked the limit. */
    public void append(ByteBuffer chunk) {
        int n = chunk.remaining();
        if (size + n > bytes.length) {
            // The first chunk is often the whole message (an inflated one, whose end comes in an
            // empty chunk): an array of exactly its size is then the message, with nothing to trim.
            int grown = size == 0 && n > 0 ? n : Math.max(Math.max(INITIAL, bytes.length * 2), size + n);
            bytes = Arrays.copyOf(bytes, grown);
        }
        chunk.get(chunk.position(), bytes, size, n);
        size += n;
    }

    /** The bytes collected, as a buffer over them, and a fresh start for the next message. */
    public ByteBuffer take() {
        ByteBuffer out = ByteBuffer.wrap(bytes, 0, size);
        bytes = new byte[0];
        size = 0;
        return out;
    }

    /** Forgets the bytes collected. */
    public void clear() {
        bytes = new byte[0];
        size = 0;
    }
}
