package dev.freeway.servlet.undertow;

import dev.freeway.container.Transport;
import dev.freeway.container.TransportListener;
import dev.freeway.servlet.upgrade.ConnectionEnd;
import dev.freeway.servlet.upgrade.ReadArrayPool;
import dev.freeway.servlet.upgrade.UpgradeContext;
import dev.freeway.servlet.upgrade.UpgradedConnection;
import dev.freeway.transport.WriteQueue;
import org.xnio.IoUtils;
import org.xnio.StreamConnection;
import org.xnio.XnioIoThread;
import org.xnio.channels.StreamSourceChannel;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A {@link Transport} over the XNIO connection Undertow hands over after the 101, the
 * Undertow-native counterpart of {@code ServletTransport}.
 *
 * <p>The connection's channels are touched only on its I/O thread, the thread XNIO runs the
 * channels' listeners on: the container's callbacks own the connection. Reading happens only while
 * the session demands, one buffer per demand, leased from the pool and returned at the next demand:
 * <ul>
 * <li>a {@link #demand()} hands one read to the I/O thread ({@code XnioIoThread.execute}), so the
 *     bytes Undertow already holds (those that came with the request head) are read too, which no
 *     readiness event would report;</li>
 * <li>a read that finds nothing resumes reads ({@code resumeReads}): XNIO calls the channel's read
 *     listener, on the I/O thread, once bytes arrive, and that listener reads;</li>
 * <li>a read that finds bytes suspends reads and hands the bytes to the session on the executor,
 *     since the application may block in its handlers and the I/O thread serves other connections.
 *     A session that stops demanding leaves the bytes in the socket, where TCP holds the peer back.</li>
 * </ul>
 *
 * <p>Writing: the shared {@link WriteQueue}, over {@link UndertowWrites}. A failure is logged once
 * per connection and reaches the session once ({@link ConnectionEnd}).
 */
final class UndertowTransport implements UpgradedConnection {

    private final StreamConnection connection;
    private final StreamSourceChannel source;
    private final XnioIoThread io;
    private final UpgradeContext context;
    private final ReadArrayPool pool;
    private final UndertowWrites port;
    private final WriteQueue writes;

    private final Object lock = new Object();
    /** The end of the connection: input, failure, the session's own close. */
    private final ConnectionEnd end;
    private boolean demanded;
    /** A read is handed to the I/O thread and has not run yet. */
    private boolean readScheduled;
    /** The buffer the session is parsing, returned to the pool at its next demand. */
    private byte[] leased;

    UndertowTransport(StreamConnection connection, UpgradeContext context) {
        this.connection = connection;
        this.source = connection.getSourceChannel();
        this.io = connection.getIoThread();
        this.context = context;
        this.pool = context.pool();
        this.port = new UndertowWrites(connection.getSinkChannel(), io);
        this.end = new ConnectionEnd(lock, this, this::closeConnection);
        this.writes = new WriteQueue(port, end::fail);
    }

    /** Sets the channels' listeners; before the session opens. */
    void register() {
        source.getReadSetter().set(channel -> read());
        port.register();
        connection.getCloseSetter().set(closed -> end.released());
    }

    @Override
    public void start(TransportListener listener) {
        end.start(listener);
    }

    // ---- reading

    @Override
    public void demand() {
        synchronized (lock) {
            pool.release(leased);
            leased = null;
            demanded = true;
            if (readScheduled || end.inputDone() || end.closedByUs()) {
                return;
            }
            readScheduled = true;
        }
        onIoThread(this::read);
    }

    /** On the I/O thread (a demand's task, or the read listener): reads one buffer if demanded. */
    private void read() {
        TransportListener l;
        synchronized (lock) {
            readScheduled = false;
            l = end.listener();
            if (!demanded || end.inputDone() || end.closedByUs() || l == null) {
                source.suspendReads();
                return;
            }
        }
        byte[] buffer = pool.lease();
        int n;
        try {
            n = source.read(ByteBuffer.wrap(buffer));
        } catch (IOException | RuntimeException e) {
            pool.release(buffer);
            end.fail(e);
            return;
        }
        if (n > 0) {
            synchronized (lock) {
                demanded = false;
                leased = buffer;
            }
            source.suspendReads();
            later(() -> l.onData(ByteBuffer.wrap(buffer, 0, n)));
        } else if (n == 0) {
            pool.release(buffer);
            source.resumeReads(); // the read listener goes on when bytes arrive
        } else {
            pool.release(buffer);
            source.suspendReads();
            end.inputEnded();
            later(l::onEnd);
        }
    }

    // ---- writing and closing

    @Override
    public void close() {
        end.close();
    }

    @Override
    public void abort() {
        end.abort();
    }

    /** Closes the connection on its I/O thread, once {@link #end} has marked it closed by us. */
    private void closeConnection() {
        synchronized (lock) {
            // The leased buffer is not returned: the session may still be parsing it.
            leased = null;
        }
        onIoThread(() -> IoUtils.safeClose(connection));
    }


    private void onIoThread(Runnable task) {
        if (Thread.currentThread() == io) {
            task.run();
        } else {
            io.execute(task);
        }
    }

    @Override
    public UpgradeContext context() {
        return context;
    }

    @Override
    public WriteQueue writes() {
        return writes;
    }
}
