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

    /** The array's length: what the buffer holds in memory now. */
    int capacity() {
        return bytes.length;
    }

    /**
     * Makes room for the {@code more} bytes a frame header announced, so that a message arriving
     * in several chunks is collected into one array of its size instead of being copied at each
     * doubling (the 64 KiB echo on Tomcat spent 7 % of its server samples in those copies, and
     * ended with a 128 KiB array per 64 KiB message). Never more than {@code ahead} bytes or the
     * size already collected, whichever is larger, beyond what arrived: a header that announces
     * much and sends little reserves no more than a read buffer, and a large message still grows
     * geometrically (at least doubling, or a message arriving in many chunks would be copied
     * once per chunk), only now, when this frame ends the message ({@code last}), to its exact
     * size.
     */
    public void reserve(long more, int ahead, boolean last) {
        long wanted = size + Math.min(more, Math.max(ahead, size));
        if (wanted <= bytes.length) {
            return;
        }
        long grown = Math.max(wanted, 2L * bytes.length);
        if (last) {
            grown = Math.min(grown, size + more); // never past the message's announced end
        }
        bytes = Arrays.copyOf(bytes, (int) Math.min(grown, Integer.MAX_VALUE - 8));
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
