package dev.freeway.servlet.generic;

import dev.freeway.container.Transport;
import dev.freeway.container.TransportListener;
import dev.freeway.container.WriteCallback;
import dev.freeway.servlet.upgrade.ReadArrayPool;
import dev.freeway.servlet.upgrade.TransportFailures;
import dev.freeway.transport.WriteQueue;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.WebConnection;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.Executor;

/**
 * A {@link Transport} over an upgraded Servlet connection, with non-blocking I/O.
 *
 * <p>Reading: bytes are read only while the session demands them. The container's
 * {@code onDataAvailable} merely notes that data is there; the read itself, and so every handler
 * call that follows, runs on the session's executor. That keeps container threads free: a
 * handler blocked in a send can never stop the container from calling {@code onWritePossible}.
 * A read buffer is leased from the pool for each read and returned at the next demand.
 *
 * <p>Tomcat always gets {@code TomcatTransport} instead (its upgraded input caches
 * {@code isReady()} in a field a concurrent dispatch can overwrite, so reading off its threads
 * loses wake-ups), Undertow {@code UndertowTransport} (its upgraded streams are not thread-safe at
 * all), and Jetty gets {@code JettyTransport} unless its classes are hidden from the
 * application (then this transport serves, with Jetty 12.1's defect of ending the upgraded input
 * of a handshake without {@code Content-Length}).
 *
 * <p>Writing: the shared {@link WriteQueue} over {@link ServletWrites}, which writes while the
 * output stream is ready and leaves the rest to {@code onWritePossible}. No thread ever blocks on
 * a write.
 */
final class ServletTransport implements Transport, ReadListener, WriteListener {
    private static final System.Logger LOG = System.getLogger(ServletTransport.class.getName());

    private final WebConnection connection;
    private final ServletInputStream in;
    private final ServletOutputStream out;
    private final Executor executor;
    private final ReadArrayPool pool;
    private final boolean secure;
    private final InetSocketAddress remote;
    private final InetSocketAddress local;
    private volatile TransportListener listener;
    /** A failure before the session started, passed on at {@link #start}. */
    private Throwable earlyFailure;

    private final Object readLock = new Object();
    private boolean demanded;
    private boolean reading;
    /** The container said data is available since the current read began. */
    private boolean signalled;
    private boolean inputDone;
    /** The session was told of a failure (or will be, at start). */
    private boolean failed;
    private byte[] leased;

    private final ServletWrites port;
    private final WriteQueue writes;

    ServletTransport(WebConnection connection, Executor executor, ReadArrayPool pool, boolean secure,
                     InetSocketAddress remote, InetSocketAddress local) throws IOException {
        this.connection = connection;
        this.in = connection.getInputStream();
        this.out = connection.getOutputStream();
        this.executor = executor;
        this.pool = pool;
        this.secure = secure;
        this.remote = remote;
        this.local = local;
        this.port = new ServletWrites(out, this::closeConnection);
        this.writes = new WriteQueue(port, this::fail);
    }

    /**
     * Registers the read and write listeners; must run on the container's thread, in
     * {@code HttpUpgradeHandler.init}. Events that come before {@link #start} are held: reading
     * waits for the session's first demand, and an early end or error is passed on at start.
     */
    void register() {
        in.setReadListener(this);
        out.setWriteListener(this);
    }

    @Override
    public void start(TransportListener listener) {
        Throwable early;
        boolean ended;
        synchronized (readLock) {
            this.listener = listener;
            early = earlyFailure;
            ended = inputDone && early == null;
        }
        if (early != null) {
            listener.onError(early);
        } else if (ended) {
            executor.execute(listener::onEnd);
        }
    }

    // ---- reading

    @Override
    public void demand() {
        synchronized (readLock) {
            pool.release(leased);
            leased = null;
            demanded = true;
            if (reading || inputDone) {
                return;
            }
            reading = true;
        }
        executor.execute(this::readOnce);
    }

    @Override
    public void onDataAvailable() {
        synchronized (readLock) {
            signalled = true;
            if (!demanded || reading || inputDone) {
                return; // noted; we read when the session asks
            }
            reading = true;
        }
        executor.execute(this::readOnce);
    }

    @Override
    public void onAllDataRead() {
        endOfInput();
    }

    /** Reads one buffer if the stream is ready, and hands it to the session. */
    private void readOnce() {
        synchronized (readLock) {
            signalled = false;
        }
        byte[] buffer = pool.lease();
        int n = readSome(buffer);
        if (n < 0) {
            return;
        }
        if (n == 0) {
            boolean again;
            synchronized (readLock) {
                // isReady() said no, so the container will call onDataAvailable. If it already
                // did while we were here, read again rather than miss it.
                again = signalled;
                reading = again;
            }
            if (again) {
                executor.execute(this::readOnce);
            }
            return;
        }
        synchronized (readLock) {
            demanded = false;
            reading = false;
            leased = buffer;
        }
        listener.onData(ByteBuffer.wrap(buffer, 0, n));
    }

    /**
     * Reads into a leased buffer while the stream is ready.
     *
     * @return the bytes read; 0 when the stream is not ready; -1 when the input ended or failed
     *         (both already handled). The buffer is returned to the pool unless bytes were read.
     */
    private int readSome(byte[] buffer) {
        int n;
        try {
            do {
                n = in.isReady() ? in.read(buffer) : 0;
            } while (n == 0 && in.isReady()); // a read of 0 with isReady() true happens; ask again
        } catch (IOException | RuntimeException e) {
            pool.release(buffer);
            synchronized (readLock) {
                reading = false;
                inputDone = true;
            }
            fail(e);
            return -1;
        }
        if (n <= 0) {
            pool.release(buffer);
            if (n < 0) {
                endOfInput();
            }
        }
        return n < 0 ? -1 : n;
    }

    private void endOfInput() {
        TransportListener l;
        synchronized (readLock) {
            if (inputDone) {
                return;
            }
            inputDone = true;
            reading = false;
            l = listener;
        }
        if (l != null) {
            executor.execute(l::onEnd); // else start() passes it on
        }
    }

    // ---- writing

    @Override
    public void write(ByteBuffer[] buffers, WriteCallback done) {
        writes.write(buffers, done);
    }

    @Override
    public void onWritePossible() {
        port.writePossible();
    }

    @Override
    public void onError(Throwable t) {
        fail(t);
    }

    /**
     * Ends the connection and tells the session once. Not {@code ConnectionEnd}, which the native
     * transports share: this one drops the container's streams first and tells the session on
     * the calling thread; its failures come from its reads, which run on the session's executor,
     * and from the container's {@code onError}.
     */
    private void fail(Throwable t) {
        abort();
        TransportListener l;
        synchronized (readLock) {
            if (failed) {
                return; // a read and the container's onError can both report one failure: tell once
            }
            failed = true;
            l = listener;
            if (l == null) {
                earlyFailure = t;
            }
        }
        TransportFailures.log(remote, t);
        if (l != null) {
            l.onError(t);
        }
    }

    // ---- closing

    @Override
    public void close() {
        writes.closeAfterWrites(port::closeWhenFlushed);
    }

    @Override
    public void abort() {
        writes.fail(new IOException("the connection was dropped"));
        closeConnection();
    }

    private void closeConnection() {
        writes.fail(new IOException("the connection is closed"));
        try {
            connection.close();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the upgraded connection failed", e);
        }
        synchronized (readLock) {
            pool.release(leased);
            leased = null;
        }
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public InetSocketAddress localAddress() {
        return local;
    }
}
