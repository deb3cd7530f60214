package dev.freeway.client;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;

/**
 * A {@link Link} through an {@link SSLEngine} ({@code wss://}): wraps what is written, unwraps
 * what is read, drives the handshake and ends with close_notify. Loop thread only.
 *
 * <p>ClientIo come from the pool and go back as soon as they are empty: {@code netIn} holds
 * received records not yet unwrapped, {@code netOut} records not yet written, {@code appIn}
 * decrypted bytes that did not fit the caller's buffer. An idle TLS connection holds none.
 *
 * <p>The engine's delegated tasks (certificate checks) run inline on the loop thread: they are
 * short and CPU-bound, and a client opens connections rarely enough that handing them to the
 * executor would add a second state machine for nothing.
 */
final class TlsLink implements Link {
    private static final System.Logger LOG = System.getLogger(TlsLink.class.getName());
    private static final ByteBuffer[] NOTHING = {ByteBuffer.allocate(0)};

    /** What the handshake needs next. */
    enum Progress { DONE, NEED_READ, NEED_WRITE }

    private final SocketChannel channel;
    private final SSLEngine engine;
    private final LoopBufferPool pool;
    /** Received bytes not yet unwrapped, in read mode; null when none. */
    private ByteBuffer netIn;
    /** Wrapped bytes not yet written, in read mode; null when none. */
    private ByteBuffer netOut;
    /** Decrypted bytes the caller's buffer had no room for, in read mode; null when none. */
    private ByteBuffer appIn;
    private boolean inputEnded;

    TlsLink(SocketChannel channel, SSLEngine engine, LoopBufferPool pool, ByteBuffer prefetched) {
        this.channel = channel;
        this.engine = engine;
        this.pool = pool;
        if (prefetched != null && prefetched.hasRemaining()) {
            netIn = ByteBuffer.allocate(Math.max(prefetched.remaining(), packetSize())).put(prefetched).flip();
        }
    }

    /** Advances the handshake as far as the socket allows. */
    Progress handshake() throws IOException {
        while (true) {
            if (!flushNet()) {
                return Progress.NEED_WRITE;
            }
            SSLEngineResult.HandshakeStatus hs = engine.getHandshakeStatus();
            switch (hs) {
                case NOT_HANDSHAKING, FINISHED -> {
                    return Progress.DONE;
                }
                case NEED_TASK -> runTasks();
                case NEED_WRAP -> {
                    if (wrap(NOTHING).getStatus() == SSLEngineResult.Status.CLOSED) {
                        throw new SSLException("the TLS connection closed during the handshake");
                    }
                }
                default -> { // NEED_UNWRAP
                    SSLEngineResult r = unwrapIntoAppIn();
                    if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
                        throw new SSLException("the server closed the TLS connection during the handshake");
                    }
                    if (r.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW) {
                        int n = readNet();
                        if (n < 0) {
                            throw new EOFException("the server closed the connection during the TLS handshake");
                        }
                        if (n == 0) {
                            return Progress.NEED_READ;
                        }
                    }
                }
            }
        }
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (appIn != null) {
            return drainAppIn(dst);
        }
        if (inputEnded) {
            return -1;
        }
        int total = 0;
        while (true) {
            if (netIn != null) {
                boolean direct = dst.remaining() >= appSize();
                SSLEngineResult r = direct ? engine.unwrap(netIn, dst) : unwrapIntoAppIn();
                if (direct) {
                    releaseNetInIfEmpty();
                }
                afterOperation(r.getHandshakeStatus());
                if (engine.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_WRAP) {
                    wrap(NOTHING); // a post-handshake answer (TLS 1.3 key update); written with the next flush
                    flushNet();
                }
                if (r.getStatus() == SSLEngineResult.Status.OK && r.bytesConsumed() == 0 && r.bytesProduced() == 0) {
                    return total; // nothing moved: wait for the socket rather than spin
                }
                switch (r.getStatus()) {
                    case OK -> {
                        if (!direct) {
                            return appIn == null ? total : total + drainAppIn(dst);
                        }
                        total += r.bytesProduced();
                        if (dst.remaining() < appSize() && total > 0) {
                            return total;
                        }
                        continue;
                    }
                    case CLOSED -> { // close_notify: the peer ended its stream
                        inputEnded = true;
                        return total > 0 ? total : -1;
                    }
                    case BUFFER_OVERFLOW -> throw new SSLException("TLS record larger than the application buffer");
                    default -> {
                        // BUFFER_UNDERFLOW: a partial record; read more below
                    }
                }
            }
            if (total > 0) {
                return total;
            }
            int n = readNet();
            if (n < 0) {
                inputEnded = true;
                try {
                    engine.closeInbound();
                } catch (SSLException truncated) {
                    // The stream ended without close_notify: as a vanished peer, a plain end of input.
                    LOG.log(System.Logger.Level.DEBUG, "TLS stream ended without close_notify", truncated);
                }
                return -1;
            }
            if (n == 0) {
                return 0;
            }
        }
    }

    @Override
    public boolean write(ByteBuffer[] srcs) throws IOException {
        while (true) {
            if (!flushNet()) {
                return false;
            }
            if (!ClientIo.hasRemaining(srcs)) {
                return true;
            }
            SSLEngineResult r;
            do {
                r = wrap(srcs);
                if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
                    throw new SSLException("the TLS connection is closed");
                }
                // Several records per socket write, while the buffer has room for a whole one.
            } while (r.getStatus() == SSLEngineResult.Status.OK && ClientIo.hasRemaining(srcs)
                    && netOut.capacity() - netOut.limit() >= packetSize());
        }
    }

    @Override
    public boolean wantsWrite() {
        return netOut != null;
    }

    @Override
    public boolean hasBufferedInput() {
        return appIn != null || (netIn != null && !inputEnded);
    }

    @Override
    public void close() {
        try {
            engine.closeOutbound();
            while (!engine.isOutboundDone()) {
                if (wrap(NOTHING).bytesProduced() == 0) {
                    break;
                }
            }
            flushNet(); // best effort: close_notify goes if the socket takes it now
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "close_notify not sent", e);
        }
        abort();
    }

    @Override
    public void abort() {
        ClientIo.closeQuietly(channel);
        // Dropped rather than pooled: an exception may have left them half-used.
        netIn = null;
        netOut = null;
        appIn = null;
    }

    @Override
    public boolean isSecure() {
        return true;
    }

    // ---- internals

    private int appSize() {
        return engine.getSession().getApplicationBufferSize();
    }

    private int packetSize() {
        return engine.getSession().getPacketBufferSize();
    }

    /** Unwraps one record into {@link #appIn}, leaving it null when nothing came out. */
    private SSLEngineResult unwrapIntoAppIn() throws SSLException {
        ByteBuffer target = appSize() <= pool.bufferSize() ? pool.lease() : ByteBuffer.allocate(appSize());
        if (appIn != null) { // only during the handshake: keep what came before
            target = ByteBuffer.allocate(appIn.remaining() + appSize()).put(appIn);
        }
        SSLEngineResult r = engine.unwrap(netIn == null ? NOTHING[0] : netIn, target);
        releaseNetInIfEmpty();
        target.flip();
        if (target.hasRemaining()) {
            appIn = target;
        } else {
            pool.release(target);
            appIn = null;
        }
        return r;
    }

    private int drainAppIn(ByteBuffer dst) {
        int n = Math.min(dst.remaining(), appIn.remaining());
        dst.put(appIn.slice(appIn.position(), n));
        appIn.position(appIn.position() + n);
        if (!appIn.hasRemaining()) {
            pool.release(appIn);
            appIn = null;
        }
        return n;
    }

    /** Wraps into {@link #netOut}, after whatever it holds. */
    private SSLEngineResult wrap(ByteBuffer[] srcs) throws SSLException {
        if (netOut == null) {
            netOut = packetSize() <= pool.bufferSize() ? pool.lease() : ByteBuffer.allocate(packetSize());
        } else {
            netOut.compact();
        }
        SSLEngineResult r;
        try {
            r = engine.wrap(srcs, netOut);
        } finally {
            netOut.flip();
        }
        if (!netOut.hasRemaining()) {
            pool.release(netOut);
            netOut = null;
        }
        afterOperation(r.getHandshakeStatus());
        return r;
    }

    /** Post-handshake messages (TLS 1.3 key updates) may need tasks run or a record wrapped. */
    private void afterOperation(SSLEngineResult.HandshakeStatus hs) throws SSLException {
        if (hs == SSLEngineResult.HandshakeStatus.NEED_TASK) {
            runTasks();
        }
    }

    private void runTasks() {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }

    /** Writes {@link #netOut}; whether it is now empty. */
    private boolean flushNet() throws IOException {
        if (netOut == null) {
            return true;
        }
        channel.write(netOut);
        if (netOut.hasRemaining()) {
            return false;
        }
        pool.release(netOut);
        netOut = null;
        return true;
    }

    /** Reads from the socket into {@link #netIn}; the count, or -1 at the end of the stream. */
    private int readNet() throws IOException {
        if (netIn == null) {
            netIn = pool.lease().flip();
        }
        netIn.compact();
        if (!netIn.hasRemaining()) { // a record larger than the buffer: grow it
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(netIn.capacity() * 2, packetSize()));
            netIn = bigger.put(netIn.flip());
        }
        int n;
        try {
            n = channel.read(netIn);
        } finally {
            netIn.flip();
        }
        releaseNetInIfEmpty();
        return n;
    }

    private void releaseNetInIfEmpty() {
        if (netIn != null && !netIn.hasRemaining()) {
            pool.release(netIn);
            netIn = null;
        }
    }
}
