package dev.freeway.client;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * Read and TLS buffers of one size, leased while bytes move and returned as soon as they are
 * consumed, so an idle connection holds none. A handful are kept for reuse; the rest go to the
 * garbage collector.
 *
 * <p>Used by the {@link SelectorLoop} thread only, hence no locks. Heap buffers: the engine and
 * user handlers get views of them, and heap buffers have arrays that decoders may use.
 */
final class LoopBufferPool {
    private final int bufferSize;
    private final int maxPooled;
    private final ArrayDeque<ByteBuffer> free = new ArrayDeque<>();

    LoopBufferPool(int bufferSize, int maxPooled) {
        if (bufferSize < 1024) {
            throw new IllegalArgumentException("buffer size must be at least 1024, was " + bufferSize);
        }
        this.bufferSize = bufferSize;
        this.maxPooled = maxPooled;
    }

    int bufferSize() {
        return bufferSize;
    }

    /**
     * A cleared buffer of {@link #bufferSize()} bytes. Always a new buffer object (a view of pooled
     * memory): whoever kept a reference to an earlier lease's object must never see it refilled.
     * The engine does keep its last input, and refuses new input while that object still has bytes
     * remaining, so handing it the same object refilled would look like unconsumed input.
     */
    ByteBuffer lease() {
        ByteBuffer b = free.poll();
        return b != null ? b.duplicate().clear() : ByteBuffer.allocate(bufferSize);
    }

    /** Gives a buffer back; it must not be used afterwards. ClientIo of another size are dropped. */
    void release(ByteBuffer buffer) {
        if (buffer != null && buffer.capacity() == bufferSize && !buffer.isReadOnly() && free.size() < maxPooled) {
            free.push(buffer);
        }
    }
}
