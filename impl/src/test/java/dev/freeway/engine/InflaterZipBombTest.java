package dev.freeway.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/**
 * A compressed message of 1 GiB of zeros (about 1 MiB on the wire) must inflate in chunks the
 * caller counts against its limit, with the inflater allocating nothing per chunk.
 */
class InflaterZipBombTest {
    private static final int CHUNK = 16 * 1024;
    private static final int PIECE = 16 << 20;
    private static final long GIB = 1L << 30;

    /**
     * The compressed gigabyte, built without compressing a gigabyte: {@code head} is 16 MiB of
     * zeros sync-flushed, {@code body} the next 16 MiB. Sync flushes end on a byte boundary and
     * {@code body} was produced with only zeros in the window, so it decodes to 16 MiB of zeros
     * wherever the window holds only zeros: head + 63 bodies is a valid 1 GiB message.
     */
    private record Bomb(byte[] head, byte[] body) {
        static Bomb build() {
            Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
            try {
                byte[] zeros = new byte[PIECE];
                return new Bomb(syncFlush(deflater, zeros), syncFlush(deflater, zeros));
            } finally {
                deflater.end();
            }
        }

        private static byte[] syncFlush(Deflater deflater, byte[] input) {
            deflater.setInput(input);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[64 * 1024];
            int n;
            do {
                n = deflater.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
                out.write(buf, 0, n);
            } while (n == buf.length || !deflater.needsInput());
            return out.toByteArray();
        }

        long compressedLength() {
            return head.length + 63L * body.length;
        }

        byte[] piece(int index) {
            return index == 0 ? head : body;
        }
    }

    private static com.sun.management.ThreadMXBean threads() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeThat(bean).isInstanceOf(com.sun.management.ThreadMXBean.class);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        assumeThat(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled()).isTrue();
        return threads;
    }

    @Test
    void callerStopsAtItsLimitLongBeforeTheGigabyte() throws Exception {
        com.sun.management.ThreadMXBean threads = threads();
        Bomb bomb = Bomb.build();
        assertThat(bomb.compressedLength()).isLessThan(2L << 20);
        long limit = 64L << 20;
        MessageInflater inflater = new MessageInflater(DeflateParameters.DEFAULTS, Role.SERVER, CHUNK);

        long total = 0;
        long compressedFed = 0;
        long allocated = 0;
        int largestChunk = 0;
        int piece = 0;
        outer:
        while (piece < 64) {
            ByteBuffer in = ByteBuffer.wrap(bomb.piece(piece++));
            compressedFed += in.remaining();
            // Only the inflater's calls are measured, and nothing else allocates in between.
            long before = threads.getCurrentThreadAllocatedBytes();
            inflater.input(in);
            while (!inflater.needsInput()) {
                ByteBuffer chunk = inflater.inflate();
                largestChunk = Math.max(largestChunk, chunk.remaining());
                total += chunk.remaining();
                if (total > limit) {
                    allocated += threads.getCurrentThreadAllocatedBytes() - before;
                    break outer; // the caller fails the connection with 1009 here
                }
            }
            allocated += threads.getCurrentThreadAllocatedBytes() - before;
        }
        inflater.release();

        assertThat(largestChunk).isEqualTo(CHUNK);
        assertThat(total).isGreaterThan(limit).isLessThanOrEqualTo(limit + CHUNK);
        assertThat(compressedFed).isLessThan(bomb.compressedLength() / 10);
        // The output buffer and the Inflater object, and nothing per chunk.
        assertThat(allocated).isLessThan(CHUNK + 16 * 1024);
    }

    @Test
    void wholeGigabyteInflatesInConstantMemory() throws Exception {
        com.sun.management.ThreadMXBean threads = threads();
        Bomb bomb = Bomb.build();
        MessageInflater inflater = new MessageInflater(DeflateParameters.DEFAULTS, Role.SERVER, CHUNK);
        ByteBuffer[] pieces = new ByteBuffer[64];
        for (int i = 0; i < pieces.length; i++) {
            pieces[i] = ByteBuffer.wrap(bomb.piece(i));
        }

        long total = 0;
        long nonZero = 0;
        int largestChunk = 0;
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int piece = 0; piece <= pieces.length; piece++) {
            if (piece < pieces.length) {
                inflater.input(pieces[piece]);
            } else {
                inflater.endOfMessage();
            }
            for (ByteBuffer chunk = inflater.inflate(); chunk.hasRemaining(); chunk = inflater.inflate()) {
                largestChunk = Math.max(largestChunk, chunk.remaining());
                total += chunk.remaining();
                // Sampling keeps a billion-byte check cheap; the length check is exact.
                if (chunk.get(chunk.limit() - 1) != 0 || chunk.get(0) != 0) {
                    nonZero++;
                }
            }
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(total).isEqualTo(GIB);
        assertThat(largestChunk).isEqualTo(CHUNK);
        assertThat(nonZero).isZero();
        assertThat(inflater.inMessage()).isFalse();
        assertThat(allocated).isLessThan(CHUNK + 16 * 1024);
    }
}
