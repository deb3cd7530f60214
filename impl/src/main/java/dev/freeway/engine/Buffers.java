package dev.freeway.engine;

import java.nio.ByteBuffer;
import java.util.List;

/** Small helpers for the byte buffers the engine hands out. */
final class Buffers {
    static final ByteBuffer EMPTY = ByteBuffer.allocate(0).asReadOnlyBuffer();

    private Buffers() {
    }

    /** {@code first}, then {@code middle}, then {@code last}, as one array. */
    static ByteBuffer[] join(List<ByteBuffer> first, ByteBuffer[] middle, List<ByteBuffer> last) {
        ByteBuffer[] out = new ByteBuffer[first.size() + middle.length + last.size()];
        int i = 0;
        for (ByteBuffer b : first) {
            out[i++] = b;
        }
        for (ByteBuffer b : middle) {
            out[i++] = b;
        }
        for (ByteBuffer b : last) {
            out[i++] = b;
        }
        return out;
    }

    /** The remaining bytes of every buffer, copied into one. */
    static ByteBuffer concat(List<ByteBuffer> buffers) {
        if (buffers.size() == 1) {
            return buffers.get(0);
        }
        int n = 0;
        for (ByteBuffer b : buffers) {
            n += b.remaining();
        }
        ByteBuffer out = ByteBuffer.allocate(n);
        for (ByteBuffer b : buffers) {
            out.put(b.duplicate());
        }
        return out.flip();
    }
}
