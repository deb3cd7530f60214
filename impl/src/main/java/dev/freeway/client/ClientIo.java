package dev.freeway.client;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/** The client's channel chores: whether a gathering write has bytes left, and closing without a fuss. */
final class ClientIo {
    private static final System.Logger LOG = System.getLogger(ClientIo.class.getName());

    private ClientIo() {
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
