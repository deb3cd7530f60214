package dev.freeway.engine;

import java.nio.ByteBuffer;

/**
 * A raw DEFLATE compressor (no zlib or gzip wrapper) as {@link MessageDeflater} drives it: set
 * the input, then {@link #syncFlush} until all of it is compressed and flushed. Two
 * implementations exist because java.util.zip compresses only with a 32 KiB window:
 * {@link JdkCompressor} for 15 bits and {@link JzlibCompressor} for smaller windows.
 */
interface Compressor {
    /** Sets the next input; the array must stay untouched until {@link #needsInput()}. */
    void setInput(byte[] input, int offset, int length);

    /**
     * Sets the next input from a buffer, whose position ends at its limit once
     * {@link #needsInput()}; it must stay untouched until then.
     */
    void setInput(ByteBuffer input);

    /**
     * Compresses input given so far into {@code out}, ending with a sync flush once all input is
     * consumed (RFC 7692 section 7.2.1).
     *
     * @return the bytes written; fewer than {@code length} only once all input is flushed
     */
    int syncFlush(byte[] out, int offset, int length);

    /** Whether all input is consumed (its output may still be pending: flush until short). */
    boolean needsInput();

    /** Starts a new stream: the sliding window is emptied (no context takeover). */
    void reset();

    /** Frees the compressor's memory; it is unusable afterwards. */
    void end();
}
