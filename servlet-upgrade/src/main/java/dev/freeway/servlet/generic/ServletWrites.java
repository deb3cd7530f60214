package dev.freeway.servlet.generic;

import dev.freeway.transport.WriteBatch;
import dev.freeway.transport.WritePort;
import jakarta.servlet.ServletOutputStream;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * How a {@link ServletTransport}'s {@link dev.freeway.transport.WriteQueue} writes to the
 * non-blocking output stream of an upgraded Servlet connection: a batch is written while the
 * stream is ready; when it is not, the rest waits for the container's {@code onWritePossible},
 * which writes it and reports the batch on the container's thread.
 *
 * <p>Every write hands the stream a whole array (offset 0, full length), copying only a buffer that
 * is not one already: some containers' non-blocking upgrade streams (Undertow's) ignore the offset
 * and length of {@code write(byte[], int, int)}. {@code ServletOutputStream.write(ByteBuffer)} is
 * Servlet 6.1 only, so arrays it is.
 *
 * <p>Stream calls are serialized by one lock, so the writing thread and the container's callback
 * never use the stream at once. The Servlet API offers no way to ask for a callback while the
 * stream is ready, so a batch starts on the thread that queued it; everything the container holds
 * back is written from {@code onWritePossible}.
 */
final class ServletWrites implements WritePort {
    private static final System.Logger LOG = System.getLogger(ServletWrites.class.getName());

    private final ServletOutputStream out;
    private final Runnable closeConnection;

    private final Object lock = new Object();
    /** Guarded by {@code lock}: the batch being written, its buffers, and the next to write. */
    private WriteBatch batch;
    private ByteBuffer[] buffers;
    private int next;
    /** Guarded by {@code lock}: close once the container has flushed what it holds. */
    private boolean closeWhenFlushed;

    ServletWrites(ServletOutputStream out, Runnable closeConnection) {
        this.out = out;
        this.closeConnection = closeConnection;
    }

    @Override
    public void write(ByteBuffer[] buffers, WriteBatch batch) {
        synchronized (lock) {
            this.batch = batch;
            this.buffers = buffers;
            this.next = 0;
        }
        writeSome();
    }

    /** The container's {@code onWritePossible}: the rest of a batch, or the close that waited. */
    void writePossible() {
        writeSome();
        closeIfFlushed();
    }

    /** Closes the connection once the container has flushed what it holds (now or at the next {@code onWritePossible}). */
    void closeWhenFlushed() {
        synchronized (lock) {
            closeWhenFlushed = true;
        }
        closeIfFlushed();
    }

    /** Writes the batch's buffers while the stream is ready; reports it once all are handed over. */
    private void writeSome() {
        WriteBatch done;
        try {
            synchronized (lock) {
                if (batch == null) {
                    return;
                }
                while (next < buffers.length) {
                    if (!out.isReady()) {
                        return; // onWritePossible goes on
                    }
                    writeWhole(buffers[next]);
                    next++;
                }
                if (out.isReady()) {
                    out.flush();
                }
                done = batch;
                batch = null;
                buffers = null;
            }
        } catch (IOException | RuntimeException e) {
            WriteBatch failed;
            synchronized (lock) {
                failed = batch;
                batch = null;
                buffers = null;
            }
            if (failed != null) {
                failed.failed(e);
            }
            return;
        }
        done.succeeded();
    }

    private void writeWhole(ByteBuffer b) throws IOException {
        int n = b.remaining();
        if (n == 0) {
            return;
        }
        if (b.hasArray() && b.arrayOffset() + b.position() == 0 && n == b.array().length) {
            out.write(b.array());
            b.position(b.limit());
        } else {
            byte[] copy = new byte[n];
            b.get(copy);
            out.write(copy);
        }
    }

    private void closeIfFlushed() {
        boolean now = false;
        synchronized (lock) {
            if (!closeWhenFlushed || batch != null) {
                return;
            }
            try {
                if (out.isReady()) {
                    out.flush();
                    now = out.isReady();
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "flushing before the close failed", e);
                now = true;
            }
            closeWhenFlushed = !now;
        }
        if (now) {
            closeConnection.run();
        }
    }
}
