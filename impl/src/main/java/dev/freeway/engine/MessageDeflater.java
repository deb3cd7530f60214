package dev.freeway.engine;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.zip.Deflater;

/**
 * The permessage-deflate compressor of one connection (RFC 7692 section 7.2.1): compresses each
 * outgoing data frame's payload into the payload to send with RSV1 set on the message's first
 * frame.
 *
 * <p>Every frame is sync-flushed, so each one can be sent as soon as it is compressed; the
 * message's last frame drops the flush's trailing {@code 00 00 ff ff}, which the receiver puts
 * back. When that leaves nothing (an empty message, or an empty last frame), the last frame is
 * the single octet {@code 0x00}: the header of an empty stored block whose lengths are that
 * restored tail (RFC 7692 section 7.2.3.6), since an empty payload plus the tail is not a complete
 * block.
 *
 * <p>It compresses with the window this role agreed to ({@link DeflateParameters#deflateWindowBits}):
 * 15 bits with {@link Deflater}, smaller ones with JZlib (see {@link Compressors}, also for 8 bits).
 *
 * <p>The compressor (some 260 KiB of native memory at 15 bits and zlib's defaults, a few KiB of
 * heap at 9 bits) and an 8 KiB scratch buffer are allocated on first use and freed by
 * {@link #release()}. Not thread-safe.
 */
public final class MessageDeflater {
    private static final int SCRATCH_SIZE = 8 * 1024;
    /** zlib's advice: more than 6 bytes of room per sync-flushing call, or flush markers repeat. */
    private static final int MIN_FLUSH_ROOM = 8;
    private static final int TAIL_LENGTH = 4;
    /** Free bytes in front of every result: the longest frame header (masked, 64-bit length). */
    public static final int HEADER_ROOM = FrameHeaders.MAX_LENGTH;

    private final int level;
    private final int windowBits;
    private final boolean resetAfterMessage;

    private Compressor deflater;
    private byte[] scratch;
    /** Reused for every frame: its spill array is dropped after each, so it holds no memory. */
    private Output output;
    private boolean midMessage;
    private boolean closed;

    /**
     * @param parameters the connection's agreed parameters
     * @param self       the role this endpoint plays
     * @param level      the {@link Deflater} level, 0-9 or {@link Deflater#DEFAULT_COMPRESSION}
     */
    public MessageDeflater(DeflateParameters parameters, Role self, int level) {
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(self, "self");
        if (level != Deflater.DEFAULT_COMPRESSION && (level < Deflater.NO_COMPRESSION || level > Deflater.BEST_COMPRESSION)) {
            throw new IllegalArgumentException("level must be 0-9 or -1 (default), was " + level);
        }
        this.level = level;
        this.resetAfterMessage = parameters.resetDeflaterAfterMessage(self);
        this.windowBits = parameters.deflateWindowBits(self);
    }

    /**
     * Compresses one frame's payload, consuming {@code payload} (its position ends at its limit).
     *
     * @param payload    the frame's uncompressed payload; may be empty
     * @param finalFrame whether the frame ends its message (FIN set)
     * @return a new buffer, owned by the caller, holding the payload to send; its array has
     *         {@link #HEADER_ROOM} free bytes before its position, so a frame header can be
     *         written in front of the payload instead of copying it behind one
     * @throws IllegalStateException after {@link #release()} closed the deflater for good
     */
    public ByteBuffer compress(ByteBuffer payload, boolean finalFrame) {
        Objects.requireNonNull(payload, "payload");
        allocate();
        deflater.setInput(payload);
        return flush(finalFrame);
    }

    /** As {@link #compress(ByteBuffer, boolean)}, from {@code length} bytes of an array. */
    public ByteBuffer compress(byte[] payload, int offset, int length, boolean finalFrame) {
        Objects.checkFromIndexSize(offset, length, payload.length);
        allocate();
        deflater.setInput(payload, offset, length);
        return flush(finalFrame);
    }

    /** Whether a message has begun (a non-final frame compressed) and not yet ended. */
    public boolean inMessage() {
        return midMessage;
    }

    /** Whether the compressor and scratch buffer are currently allocated. */
    public boolean isAllocated() {
        return deflater != null;
    }

    /**
     * Frees the compressor and scratch buffer. Between messages, when this endpoint compresses
     * every message afresh, nothing is lost and the next message allocates them again, so an idle
     * connection can call this freely. Otherwise (mid-message, or with context takeover, where the
     * sliding window is connection state) the deflater is closed for good: use this when the
     * connection ends.
     */
    public void release() {
        if (!resetAfterMessage || midMessage) {
            closed = true;
        }
        if (deflater != null) {
            deflater.end();
            deflater = null;
        }
        scratch = null;
        output = null;
        midMessage = false;
    }

    private void allocate() {
        if (closed) {
            throw new IllegalStateException("deflater released");
        }
        if (deflater == null) {
            deflater = Compressors.open(windowBits, level);
            scratch = new byte[SCRATCH_SIZE];
            output = new Output(scratch);
        }
    }

    /**
     * Runs the sync flush of the input just set. Output goes to the scratch buffer and only spills
     * into a growing array when it overflows, so the result can be allocated at its exact size:
     * sizing it from the input would hold far more memory than compressible data needs.
     */
    private ByteBuffer flush(boolean finalFrame) {
        Output out = output;
        out.clear();
        while (true) {
            int room = out.room();
            if (room < MIN_FLUSH_ROOM) {
                out.spill();
                room = out.room();
            }
            int n = deflater.syncFlush(scratch, out.scratchLength, room);
            out.scratchLength += n;
            // zlib returns with room to spare only once all input is consumed and flushed.
            if (n < room && deflater.needsInput()) {
                break;
            }
            if (n == 0) {
                throw new IllegalStateException("Deflater made no progress");
            }
        }
        midMessage = !finalFrame;
        if (!finalFrame) {
            return out.result(out.length());
        }
        int length = out.length();
        if (length >= TAIL_LENGTH && out.endsWithSyncTail()) {
            length -= TAIL_LENGTH;
        }
        if (resetAfterMessage) {
            deflater.reset();
        }
        if (length == 0) {
            // The array is zeroed: its one payload byte is already the 0x00 octet.
            return ByteBuffer.wrap(new byte[HEADER_ROOM + 1], HEADER_ROOM, 1);
        }
        return out.result(length);
    }

    /** Compressed bytes of one frame: spilled bytes first, then the scratch buffer's. */
    private static final class Output {
        private final byte[] scratch;
        int scratchLength;
        private byte[] spilled;
        private int spilledLength;

        Output(byte[] scratch) {
            this.scratch = scratch;
        }

        /** Empty for the next frame; a large frame's spill array is not kept for the connection. */
        void clear() {
            scratchLength = 0;
            spilled = null;
            spilledLength = 0;
        }

        int room() {
            return scratch.length - scratchLength;
        }

        int length() {
            return spilledLength + scratchLength;
        }

        void spill() {
            int needed = spilledLength + scratchLength;
            if (spilled == null || spilled.length < needed) {
                // Doubling from a few scratch buffers: sizing from the input would reserve
                // megabytes for a large, highly compressible frame.
                int capacity = spilled == null ? Math.max(needed, 4 * scratch.length) : Math.max(needed, grow(spilled.length));
                spilled = spilled == null ? new byte[capacity] : Arrays.copyOf(spilled, capacity);
            }
            System.arraycopy(scratch, 0, spilled, spilledLength, scratchLength);
            spilledLength += scratchLength;
            scratchLength = 0;
        }

        private static int grow(int capacity) {
            int doubled = capacity << 1;
            if (doubled < 0) {
                throw new OutOfMemoryError("compressed frame over 2 GiB");
            }
            return doubled;
        }

        byte at(int index) {
            return index < spilledLength ? spilled[index] : scratch[index - spilledLength];
        }

        boolean endsWithSyncTail() {
            int end = length();
            return at(end - 4) == 0 && at(end - 3) == 0 && at(end - 2) == (byte) 0xff && at(end - 1) == (byte) 0xff;
        }

        /** The first {@code length} bytes, after {@link #HEADER_ROOM} free ones in a new array; then empty. */
        ByteBuffer result(int length) {
            byte[] bytes = new byte[HEADER_ROOM + length];
            int fromSpilled = Math.min(length, spilledLength);
            if (fromSpilled > 0) {
                System.arraycopy(spilled, 0, bytes, HEADER_ROOM, fromSpilled);
            }
            System.arraycopy(scratch, 0, bytes, HEADER_ROOM + fromSpilled, length - fromSpilled);
            clear();
            return ByteBuffer.wrap(bytes, HEADER_ROOM, length);
        }
    }
}
