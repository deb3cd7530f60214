package dev.freeway.servlet.jetty;

import dev.freeway.container.Transport;
import dev.freeway.container.TransportListener;
import dev.freeway.servlet.upgrade.ReadArrayPool;
import dev.freeway.servlet.upgrade.TransportFailures;
import dev.freeway.servlet.upgrade.UpgradeContext;
import dev.freeway.servlet.upgrade.UpgradedConnection;
import dev.freeway.transport.WriteQueue;
import org.eclipse.jetty.io.EndPoint;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadPendingException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * A {@link Transport} over a Jetty {@link JettyConnection}, the Jetty-native counterpart of
 * {@code ServletTransport}.
 *
 * <p>Reading happens only while the session demands, one buffer per demand, leased from the pool
 * and returned at the next demand. Which thread runs what, as in Jetty's own WebSocket
 * implementation:
 * <ul>
 * <li>Jetty's {@code onFillable} reads and hands the bytes to the session on the thread Jetty called
 *     it on. Jetty's fill callback is of the blocking kind ({@code Invocable.InvocationType.BLOCKING},
 *     the default of {@code AbstractConnection}), so that thread is one of Jetty's pool threads,
 *     never a selector busy selecting: the session parses, and the application's {@code @OnMessage}
 *     runs, there, and may block (a blocking send waits for a write completion that another of
 *     Jetty's threads brings, see {@link JettyWrites}).</li>
 * <li>A {@link #demand()} made while that thread is still handing over data (the session asks for
 *     more from inside {@code onData}, the usual case) only notes it: the same thread reads again
 *     once {@code onData} has returned, in a loop, so stacks never grow and nothing is handed to
 *     another thread. When a read finds nothing, Jetty is asked for fill interest (the only time the
 *     selector is involved) and the thread goes back to Jetty.</li>
 * <li>A demand from any other thread reads on that thread, in the same loop: the session demands
 *     from elsewhere only on its executor (opening, resuming after a pause, a stream handler done
 *     with its message), which is where the first bytes (those that came with the request head, as
 *     Jetty handed them over) reach it. No read ever waits: if there is nothing, fill interest is
 *     set and the thread returns.</li>
 * <li>Failures reach the session on the executor.</li>
 * <li>On an HTTP/2 stream (RFC 8441, see {@link JettyTakeover}) Jetty calls back on the thread that
 *     reads the frames of every stream of the connection: there the fill callback only hands the
 *     reading to the executor, and write completions are reported there too (see
 *     {@link JettyWrites}), so that no application code, blocking or not, ever holds up the other
 *     streams or the WINDOW_UPDATEs that blocked sends wait for.</li>
 * </ul>
 * A paused session leaves the bytes in the socket, where TCP holds the peer back.
 *
 * <p>Writing: the shared {@link WriteQueue}, over {@link JettyWrites}.
 */
final class JettyTransport implements UpgradedConnection {
    private static final System.Logger LOG = System.getLogger(JettyTransport.class.getName());

    private final JettyConnection connection;
    private final UpgradeContext context;
    private final Executor executor;
    private final ReadArrayPool pool;
    private final WriteQueue writes;
    /** The connection is an HTTP/2 stream: Jetty's callbacks come on the thread of the whole HTTP/2 connection (see {@link #fillable}). */
    private final boolean onHttp2Stream;

    private final Object lock = new Object();
    private TransportListener listener;
    /** Jetty swapped the connection in, or the exchange of the 101 failed: the session's fate is settled. */
    private boolean settled;
    /** The input ended or failed (the session is told once, or at {@link #start} if not yet started). */
    private boolean inputDone;
    private boolean ended;
    private Throwable failure;
    /** The session closed or dropped the connection itself, so its closing is no news to it. */
    private boolean closedByUs;
    /** Our output has ended and the peer's remaining input is read and dropped until it ends (see {@link #endAfterPeer}). */
    private boolean lingering;
    /** A thread is in {@link #discardInput}; another that comes meanwhile only asks it to read once more. */
    private boolean discarding;
    private boolean discardAgain;
    /** Bytes that came with the request head, until the session has consumed them. */
    private ByteBuffer prefilled;
    private boolean prefilledDelivered;
    private byte[] leased;
    /** The thread in {@link #readLoop} handing data to the session, or null. */
    private Thread delivering;
    /** The session demanded again on the {@link #delivering} thread, which is to read once more. */
    private boolean demandedAgain;

    /**
     * @param onHttp2Stream whether the connection is an HTTP/2 stream's: reads are then done, and
     *                      write completions reported, on the executor, not on Jetty's callback
     *                      thread, which reads the whole HTTP/2 connection
     */
    JettyTransport(JettyConnection connection, UpgradeContext context, boolean onHttp2Stream) {
        this.connection = connection;
        this.onHttp2Stream = onHttp2Stream;
        this.context = context;
        this.executor = context.executor();
        this.pool = context.pool();
        this.writes = new WriteQueue(new JettyWrites(connection.getEndPoint(), this::run, onHttp2Stream), this::failed);
    }

    // ---- from Jetty (JettyConnection)

    void prefilled(ByteBuffer buffer) {
        synchronized (lock) {
            prefilled = buffer != null && buffer.hasRemaining() ? buffer : null;
        }
    }

    void opened() {
        synchronized (lock) {
            settled = true;
        }
        context.openLater(this, this::abort);
    }

    /** The exchange of the 101 failed before Jetty swapped this connection in: no session will come. */
    void notOpened(Throwable cause) {
        synchronized (lock) {
            if (settled) {
                return;
            }
            settled = true;
        }
        LOG.log(System.Logger.Level.DEBUG, "the 101 could not be sent; the handshake is given up", cause);
        context.prepared().discard();
    }

    /**
     * On one of Jetty's pool threads (see the class comment): reads, and hands over, right here.
     * Except on an HTTP/2 stream: Jetty calls a stream's endpoint on the thread that parses the
     * frames of every stream of the connection, so an {@code @OnMessage} that blocks there (a
     * blocking send waiting for the peer's WINDOW_UPDATE, which only that thread can read) would
     * stop the connection and deadlock. The stream's reads go to the executor instead.
     */
    void fillable() {
        Runnable read = isLingering() ? this::discardInput : this::readLoop;
        if (onHttp2Stream) {
            run(read);
        } else {
            read.run();
        }
    }

    /** Whether the session is done and the connection only waits for the end of the peer's input. */
    boolean isLingering() {
        synchronized (lock) {
            return lingering;
        }
    }

    void closed(Throwable cause) {
        writes.fail(cause != null ? cause : new EOFException("the connection is closed"));
        boolean quiet;
        synchronized (lock) {
            quiet = closedByUs;
        }
        if (!quiet) {
            failed(cause != null ? cause : new EOFException("the connection was closed"));
        }
    }

    // ---- reading

    @Override
    public void start(TransportListener listener) {
        Throwable early;
        boolean end;
        synchronized (lock) {
            this.listener = listener;
            early = failure;
            end = ended;
        }
        if (early != null) {
            listener.onError(early);
        } else if (end) {
            listener.onEnd();
        }
    }

    @Override
    public void demand() {
        synchronized (lock) {
            pool.release(leased);
            leased = null;
            if (inputDone || lingering) {
                return; // after close() the session takes no more input
            }
            if (delivering == Thread.currentThread()) {
                demandedAgain = true; // the loop below reads once onData has returned
                return;
            }
        }
        // From a thread of the session's executor (opening, resuming): it reads on its own.
        readLoop();
    }

    /**
     * Hands the session one buffer per demand for as long as it demands on this thread: the
     * prefilled bytes first, then what the endpoint has; asks Jetty for fill interest when there is
     * nothing to read.
     */
    private void readLoop() {
        Thread me = Thread.currentThread();
        synchronized (lock) {
            delivering = me;
            demandedAgain = false;
        }
        while (true) {
            ByteBuffer head;
            TransportListener l;
            synchronized (lock) {
                if (lingering) {
                    break;
                }
                if (prefilledDelivered) {
                    prefilled = null;
                }
                head = prefilled;
                prefilledDelivered = head != null;
                l = listener;
            }
            ByteBuffer data = head != null ? head : fillOnce();
            if (data == null) {
                return; // nothing yet (fill interest is set), the end, or a failure
            }
            try {
                l.onData(data);
            } catch (RuntimeException | Error e) {
                stopDelivering();
                throw e;
            }
            synchronized (lock) {
                if (delivering != me) {
                    return; // another thread took over reading, on a demand from elsewhere
                }
                if (lingering) {
                    break; // the session closed the connection while it had the data
                }
                if (!demandedAgain || inputDone) {
                    delivering = null;
                    return;
                }
                demandedAgain = false;
            }
        }
        stopDelivering();
        discardInput();
    }

    /** Reads once without waiting: the bytes read, or null after setting fill interest, ending or failing. */
    private ByteBuffer fillOnce() {
        byte[] buffer = pool.lease();
        ByteBuffer data = ByteBuffer.wrap(buffer);
        data.limit(0); // Jetty fills after the limit of a buffer in "flush mode"
        int n;
        try {
            n = connection.fill(data);
        } catch (IOException | RuntimeException e) {
            pool.release(buffer);
            stopDelivering();
            failed(e);
            return null;
        }
        if (n > 0) {
            synchronized (lock) {
                leased = buffer;
            }
            return data;
        }
        pool.release(buffer);
        stopDelivering();
        if (n < 0) {
            ended();
            return null;
        }
        try {
            connection.fillInterested();
        } catch (RuntimeException e) { // the endpoint closed meanwhile
            failed(e);
        }
        return null;
    }

    /** This thread leaves the read loop (before fill interest, so Jetty's next call starts afresh). */
    private void stopDelivering() {
        synchronized (lock) {
            if (delivering == Thread.currentThread()) {
                delivering = null;
            }
        }
    }

    private void ended() {
        TransportListener l;
        boolean over;
        synchronized (lock) {
            if (inputDone) {
                return;
            }
            inputDone = true;
            ended = true;
            l = listener;
            over = lingering;
        }
        if (over) {
            dropConnection(null); // the session is done: this end was all the connection waited for
            return;
        }
        if (l != null) {
            l.onEnd(); // else start() passes it on
        }
    }

    /** Reading or writing failed, or the connection went away: drops it and tells the session once. */
    void failed(Throwable cause) {
        TransportListener l;
        boolean over;
        synchronized (lock) {
            over = lingering;
            if (!over && (failure != null || closedByUs)) {
                return; // told already, or the session itself ended the connection
            }
            failure = cause;
            inputDone = true;
            l = listener;
        }
        if (over) {
            dropConnection(cause); // no news to the session, which is done
            return;
        }
        TransportFailures.log(context.remote(), cause);
        dropConnection(cause);
        if (l != null) {
            run(() -> l.onError(cause)); // else start() passes it on
        }
    }

    // ---- writing and closing

    @Override
    public void close() {
        writes.closeAfterWrites(this::endAfterPeer);
    }

    /**
     * Ends the connection gracefully, once our writes are done, as Jetty's own WebSocket
     * implementation does: our output ends (FIN; on an HTTP/2 stream END_STREAM), the peer's input
     * is read and dropped until it ends too, and only then is the connection released. A peer may
     * end its side right behind its close frame, or once it saw ours end; released before that end
     * is read, an HTTP/2 stream stays in Jetty's session for good, holding its connection open
     * (and a socket closed with input unread resets). A peer that never ends its side is cut off
     * at the close timeout.
     */
    private void endAfterPeer() {
        boolean inputOver;
        boolean readHere;
        synchronized (lock) {
            closedByUs = true;
            lingering = true;
            inputOver = inputDone;
            // A thread handing the session data drains once it is back (see readLoop).
            readHere = delivering == null;
        }
        if (inputOver) {
            dropConnection(null);
            return;
        }
        EndPoint endPoint = connection.getEndPoint();
        endPoint.setIdleTimeout(context.container().defaults().closeTimeoutMillis());
        endPoint.shutdownOutput();
        if (readHere) {
            discardInput();
        }
    }

    /** Reads and drops what the peer still sends, until its end: then the connection goes. */
    private void discardInput() {
        synchronized (lock) {
            if (discarding) {
                discardAgain = true;
                return;
            }
            discarding = true;
        }
        byte[] buffer = pool.lease();
        try {
            while (true) {
                ByteBuffer scratch = ByteBuffer.wrap(buffer);
                scratch.limit(0); // Jetty fills after the limit of a buffer in "flush mode"
                int n = connection.fill(scratch);
                if (n < 0) {
                    dropConnection(null);
                    return;
                }
                if (n == 0) {
                    synchronized (lock) {
                        if (discardAgain) {
                            discardAgain = false;
                            continue;
                        }
                        discarding = false;
                    }
                    if (!connection.isFillInterested()) {
                        connection.fillInterested();
                    }
                    return;
                }
            }
        } catch (ReadPendingException e) {
            // the session's last demand left an interest: its call drains on
        } catch (IOException | RuntimeException e) { // the peer reset, or the endpoint closed meanwhile
            LOG.log(System.Logger.Level.DEBUG, "the connection failed while its input was drained after the close", e);
            dropConnection(e);
        } finally {
            synchronized (lock) {
                discarding = false;
            }
            pool.release(buffer);
        }
    }

    @Override
    public void abort() {
        IOException cause = new IOException("the connection was dropped");
        writes.fail(cause);
        dropConnection(cause);
    }

    private void dropConnection(Throwable cause) {
        synchronized (lock) {
            closedByUs = true;
            leased = null; // the session may still be looking at it: left to the garbage collector
        }
        if (cause == null) {
            connection.getEndPoint().close();
        } else {
            connection.getEndPoint().close(cause);
        }
    }

    /** Runs session work on the executor; inline only once the executor is gone (shut down with its application). */
    private void run(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            task.run();
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
