package dev.freeway.engine;

import com.jcraft.jzlib.Deflater;
import com.jcraft.jzlib.JZlib;
import java.nio.ByteBuffer;

/**
 * A {@link Compressor} on JZlib, for windows of 9-14 bits (and 8, see {@link Compressors}).
 *
 * <p>Only {@link Compressors} creates it, and only once it knows JZlib is on the class path: this
 * class is the one place that links against JZlib, so without JZlib nothing else fails to load.
 *
 * <p>JZlib reads input from arrays only; a direct buffer is copied through a small chunk array,
 * never whole, so a large frame does not cost its size in heap.
 */
final class JzlibCompressor implements Compressor {
    private static final int CHUNK_SIZE = 8 * 1024;
    private static final byte[] NO_INPUT = new byte[0];

    private final int level;
    private final int windowBits;
    private final int memLevel;
    private final int strategy;
    private Deflater deflater;
    /** A direct buffer's bytes not yet copied into {@link #chunk}; null when input is an array. */
    private ByteBuffer pending;
    private byte[] chunk;

    /**
     * @param level      0-9 or -1 (zlib's default, 6)
     * @param windowBits 9-15: JZlib, like zlib, cannot make a raw stream with an 8-bit window
     * @param memLevel   1-9: zlib's hash and block-buffer size, memory {@code 2^(memLevel+9)} bytes
     * @param huffmanOnly whether to emit literals only: no back-references, so within any window
     */
    JzlibCompressor(int level, int windowBits, int memLevel, boolean huffmanOnly) {
        this.level = level;
        this.windowBits = windowBits;
        this.memLevel = memLevel;
        this.strategy = huffmanOnly ? JZlib.Z_HUFFMAN_ONLY : JZlib.Z_DEFAULT_STRATEGY;
        this.deflater = open();
    }

    private Deflater open() {
        Deflater d = new Deflater();
        check(d, d.init(level, windowBits, memLevel, JZlib.W_NONE), "init");
        if (strategy != JZlib.Z_DEFAULT_STRATEGY) {
            // Before any input, so the change of strategy flushes nothing.
            check(d, d.params(level, strategy), "params");
        }
        return d;
    }

    @Override
    public void setInput(byte[] input, int offset, int length) {
        pending = null;
        deflater.setInput(input, offset, length, false);
    }

    @Override
    public void setInput(ByteBuffer input) {
        if (input.hasArray()) {
            setInput(input.array(), input.arrayOffset() + input.position(), input.remaining());
            // JZlib consumes all of it before syncFlush reports needsInput, the only time the
            // caller looks at the position.
            input.position(input.limit());
        } else {
            deflater.setInput(NO_INPUT, 0, 0, false);
            pending = input;
        }
    }

    @Override
    public int syncFlush(byte[] out, int offset, int length) {
        deflater.setOutput(out, offset, length);
        while (true) {
            if (deflater.avail_in == 0 && pending != null && pending.hasRemaining()) {
                if (chunk == null) {
                    chunk = new byte[CHUNK_SIZE];
                }
                int n = Math.min(chunk.length, pending.remaining());
                pending.get(chunk, 0, n);
                deflater.setInput(chunk, 0, n, false);
            }
            boolean moreInput = pending != null && pending.hasRemaining();
            // Flushing only after the last chunk, so a direct buffer adds no flush markers.
            int rc = deflater.deflate(moreInput ? JZlib.Z_NO_FLUSH : JZlib.Z_SYNC_FLUSH);
            if (rc != JZlib.Z_OK && rc != JZlib.Z_BUF_ERROR) {
                throw new IllegalStateException("JZlib deflate failed: " + rc + " " + deflater.msg);
            }
            if (deflater.avail_out == 0 || !moreInput) {
                break;
            }
        }
        int written = deflater.next_out_index - offset;
        deflater.setOutput(NO_INPUT);
        if (written < length && needsInput()) {
            // Drop the references to the caller's input so it is not kept alive until the next frame.
            deflater.setInput(NO_INPUT, 0, 0, false);
            pending = null;
        }
        return written;
    }

    @Override
    public boolean needsInput() {
        return deflater.avail_in == 0 && (pending == null || !pending.hasRemaining());
    }

    @Override
    public void reset() {
        // JZlib has no public deflateReset; a fresh stream costs the same small allocations.
        deflater.end();
        deflater = open();
    }

    @Override
    public void end() {
        deflater.end();
        pending = null;
        chunk = null;
    }

    private static void check(Deflater d, int rc, String what) {
        if (rc != JZlib.Z_OK) {
            throw new IllegalStateException("JZlib " + what + " failed: " + rc + " " + d.msg);
        }
    }
}
