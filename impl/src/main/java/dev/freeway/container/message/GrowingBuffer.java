package dev.freeway.container.message;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Collects one message's bytes, growing geometrically as they come (never past the bound
 * {@link #reserve} is given): memory follows what was received, not what the limit allows.
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
     * Makes room for {@code arriving} more bytes before they are appended, so that a message
     * arriving in several chunks is copied a few times, not at every chunk: the first chunk gets
     * an array of exactly its size (often it is the whole message), later ones twice what has
     * arrived of the message, but never past {@code bound}, which is the message's end when the
     * frame header announced it (then the last chunk lands in an array of exactly the message's
     * size) or else the message limit. Memory follows what the peer sent, at most twice it, never
     * what a header merely announces, and never passes the limit.
     *
     * @param arriving the size of the chunk about to be appended
     * @param bound    the most the array may hold: the message's announced end or its limit,
     *                 checked by the caller to be at least the bytes collected plus {@code arriving}
     */
    public void reserve(int arriving, long bound) {
        long arrived = (long) size + arriving;
        if (arrived <= bytes.length) {
            return;
        }
        long target = size == 0 ? arriving : Math.max(arrived, Math.min(bound, 2 * arrived));
        bytes = Arrays.copyOf(bytes, (int) Math.min(target, Integer.MAX_VALUE - 8));
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
