package dev.freeway.servlet;

import dev.freeway.container.Transport;
import dev.freeway.container.TransportListener;
import dev.freeway.container.WriteCallback;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * A {@link Transport} over a Jetty {@link JettyConnection}, the Jetty-native counterpart of
 * {@link ServletTransport}.
 *
 * <p>Reading happens only while the session demands: each {@link #demand()} reads once on the
 * executor, into a buffer leased from the pool and returned at the next demand; when nothing is
 * there yet it asks Jetty for fill interest, and Jetty's {@code onFillable} only hands the read back
 * to the executor. So no session code ever runs on Jetty's threads, and a paused session leaves the
 * bytes in the socket, where TCP holds the peer back. Bytes that arrived together with the request
 * head come first, as they were handed over by Jetty.
 *
 * <p>Writing: see {@link JettyWrites}.
 */
final class JettyTransport implements Transport {
    private static final System.Logger LOG = System.getLogger(JettyTransport.class.getName());

    private final JettyConnection connection;
    private final UpgradeContext context;
    private final Executor executor;
    private final BufferPool pool;
    private final JettyWrites writes;

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
    /** Bytes that came with the request head, until the session has consumed them. */
    private ByteBuffer prefilled;
    private boolean prefilledDelivered;
    private byte[] leased;

    JettyTransport(JettyConnection connection, UpgradeContext context) {
        this.connection = connection;
        this.context = context;
        this.executor = context.executor();
        this.pool = context.pool();
        this.writes = new JettyWrites(connection.getEndPoint(), this::run, this::failed);
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

    void fillable() {
        run(this::readOnce);
    }

    void closed(Throwable cause) {
        writes.drop(cause != null ? cause : new EOFException("the connection is closed"));
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
        ByteBuffer head = null;
        TransportListener l;
        synchronized (lock) {
            l = listener;
            pool.release(leased);
            leased = null;
            if (prefilledDelivered) {
                prefilled = null;
            }
            if (inputDone) {
                return;
            }
            if (prefilled != null) {
                prefilledDelivered = true;
                head = prefilled;
            }
        }
        if (head != null) {
            ByteBuffer data = head;
            run(() -> l.onData(data));
        } else {
            run(this::readOnce);
        }
    }

    /** Reads once, on the executor: hands what came to the session, or waits for Jetty's call. */
    private void readOnce() {
        byte[] buffer = pool.lease();
        ByteBuffer data = ByteBuffer.wrap(buffer);
        data.limit(0); // Jetty fills after the limit of a buffer in "flush mode"
        int n;
        try {
            n = connection.fill(data);
        } catch (IOException | RuntimeException e) {
            pool.release(buffer);
            failed(e);
            return;
        }
        if (n > 0) {
            TransportListener l;
            synchronized (lock) {
                leased = buffer;
                l = listener;
            }
            l.onData(data);
            return;
        }
        pool.release(buffer);
        if (n < 0) {
            ended();
            return;
        }
        try {
            connection.fillInterested();
        } catch (RuntimeException e) { // the endpoint closed meanwhile
            failed(e);
        }
    }

    private void ended() {
        TransportListener l;
        synchronized (lock) {
            if (inputDone) {
                return;
            }
            inputDone = true;
            ended = true;
            l = listener;
        }
        if (l != null) {
            l.onEnd(); // else start() passes it on
        }
    }

    /** Reading or writing failed, or the connection went away: drops it and tells the session once. */
    void failed(Throwable cause) {
        TransportListener l;
        synchronized (lock) {
            if (failure != null || closedByUs) {
                return; // told already, or the session itself ended the connection
            }
            failure = cause;
            inputDone = true;
            l = listener;
        }
        LOG.log(System.Logger.Level.DEBUG, "Jetty connection failed", cause);
        dropConnection(cause);
        if (l != null) {
            run(() -> l.onError(cause)); // else start() passes it on
        }
    }

    // ---- writing and closing

    @Override
    public void write(ByteBuffer[] buffers, WriteCallback done) {
        writes.write(buffers, done);
    }

    @Override
    public void close() {
        writes.closeAfterWrites(() -> dropConnection(null));
    }

    @Override
    public void abort() {
        IOException cause = new IOException("the connection was dropped");
        writes.drop(cause);
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
    public boolean isSecure() {
        return context.secure();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return context.remote();
    }

    @Override
    public InetSocketAddress localAddress() {
        return context.local();
    }
}
