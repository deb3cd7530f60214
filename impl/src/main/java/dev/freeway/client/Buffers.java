package dev.freeway.client;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/** Small helpers for buffer arrays and quiet closing. */
final class Buffers {
    private static final System.Logger LOG = System.getLogger(Buffers.class.getName());

    private Buffers() {
    }

    static boolean hasRemaining(ByteBuffer[] buffers) {
        for (ByteBuffer b : buffers) {
            if (b.hasRemaining()) {
                return true;
            }
        }
        return false;
    }

    static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "close failed", e);
        }
    }
}
