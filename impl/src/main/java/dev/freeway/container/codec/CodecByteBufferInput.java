package dev.freeway.container.codec;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Reads a buffered binary message as an InputStream, so a {@code Decoder.BinaryStream} can decode a
 * message that was buffered whole. Reads from its own view; the caller's buffer is left untouched.
 */
final class CodecByteBufferInput extends InputStream {
    private final ByteBuffer bytes;

    CodecByteBufferInput(ByteBuffer bytes) {
        this.bytes = bytes.duplicate();
    }

    @Override
    public int read() {
        return bytes.hasRemaining() ? bytes.get() & 0xFF : -1;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, target.length);
        if (length == 0) {
            return 0;
        }
        if (!bytes.hasRemaining()) {
            return -1;
        }
        int count = Math.min(length, bytes.remaining());
        bytes.get(target, offset, count);
        return count;
    }

    @Override
    public int available() {
        return bytes.remaining();
    }

    @Override
    public long skip(long count) {
        int skipped = (int) Math.max(0, Math.min(count, bytes.remaining()));
        bytes.position(bytes.position() + skipped);
        return skipped;
    }
}
