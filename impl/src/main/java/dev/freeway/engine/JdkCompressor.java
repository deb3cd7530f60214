package dev.freeway.engine;

import java.nio.ByteBuffer;
import java.util.zip.Deflater;

/** A {@link Compressor} on {@link java.util.zip.Deflater}: 15-bit window, zlib's native speed. */
final class JdkCompressor implements Compressor {
    private static final byte[] NO_INPUT = new byte[0];

    private final Deflater deflater;

    JdkCompressor(int level) {
        this.deflater = new Deflater(level, true);
    }

    @Override
    public void setInput(byte[] input, int offset, int length) {
        deflater.setInput(input, offset, length);
    }

    @Override
    public void setInput(ByteBuffer input) {
        deflater.setInput(input);
    }

    @Override
    public int syncFlush(byte[] out, int offset, int length) {
        int n = deflater.deflate(out, offset, length, Deflater.SYNC_FLUSH);
        if (n < length && deflater.needsInput()) {
            // Drop the reference to the caller's input so it is not kept alive until the next frame.
            deflater.setInput(NO_INPUT);
        }
        return n;
    }

    @Override
    public boolean needsInput() {
        return deflater.needsInput();
    }

    @Override
    public void reset() {
        deflater.reset();
    }

    @Override
    public void end() {
        deflater.end();
    }
}
