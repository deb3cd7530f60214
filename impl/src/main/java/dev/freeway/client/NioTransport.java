package dev.freeway.client;

import dev.freeway.container.Transport;
import dev.freeway.container.TransportListener;
import dev.freeway.container.WriteCallback;
import dev.freeway.transport.WriteBatch;
import dev.freeway.transport.WriteQueue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.Executor;

/**
 * A {@link Transport} over a connected socket channel (plain or TLS), driven by the container's
 * {@link SelectorLoop}.
 *
 * <p><b>Threads.</b> All socket and TLS work happens on the loop thread; the public methods post
 * to it. What reaches other code leaves the loop through two {@link SerialExecutor}s on the
 * container's executor: listener calls (in order, one at a time: the session runs handlers, which
 * may block, on that thread) and write completions (which may wake a sender blocked inside a
 * handler, so they never queue behind one).
 *
 * <p><b>Reading</b> is demand-driven: OP_READ is set only while a {@link #demand()} is
 * outstanding. A buffer is leased from the pool when the socket is readable, handed to the
 * listener if bytes came, and returned to the pool at the next demand (the session parses it in
 * place until then). An idle connection waiting for data holds no buffer.
 *
 * <p><b>Writing</b> goes through the shared {@link WriteQueue}: callers add buffers from any thread;
 * each batch goes to the loop, which writes it and sets OP_WRITE only while the socket has not
 * taken everything; the batch is reported on the completions executor, where the queue starts the
 * next. The session bounds the queue in bytes.
 */
final class NioTransport implements Transport, SelectorLoop.Handler {
    private static final System.Logger LOG = System.getLogger(NioTransport.class.getName());
    private static final ByteBuffer[] NO_BYTES = new ByteBuffer[0];

    private final SelectorLoop loop;
    private final SelectionKey key;
    private final Link link;
    private final LoopBufferPool pool;
    private final SerialExecutor events;
    private final SerialExecutor completions;
    private final InetSocketAddress remote;
    private final InetSocketAddress local;
    private final WriteQueue writes = new WriteQueue(this::startWrite, this::writeFailed);
    private volatile TransportListener listener;

    // Loop thread only.
    private boolean demanded;
    /** The buffer last handed to the listener; returned to the pool at the next demand. */
    private ByteBuffer lease;
    /** Bytes pushed back (read past the handshake response), delivered before reading again. */
    private ByteBuffer unread;
    /** The batch the socket has not taken all of yet, and its report; null when none. */
    private ByteBuffer[] unwritten;
    private WriteBatch unwrittenBatch;
    private boolean writeBlocked;
    private boolean closeRequested;
    private boolean closed;
    /** The end of input or an error was reported to the listener. */
    private boolean ended;

    /** Takes over {@code key} (its attachment becomes this transport); loop thread only. */
    NioTransport(SelectorLoop loop, SelectionKey key, Link link, LoopBufferPool pool, Executor executor) {
        this.loop = loop;
        this.key = key;
        this.link = link;
        this.pool = pool;
        this.events = new SerialExecutor(executor);
        this.completions = new SerialExecutor(executor);
        SocketChannel channel = (SocketChannel) key.channel();
        this.remote = address(channel, true);
        this.local = address(channel, false);
        key.attach(this);
        key.interestOps(0);
    }

    // ---- Transport (any thread)

    @Override
    public void start(TransportListener listener) {
        this.listener = listener;
    }

    @Override
    public void demand() {
        loop.execute(this::onDemand);
    }

    @Override
    public void write(ByteBuffer[] buffers, WriteCallback done) {
        writes.write(buffers, done);
    }

    @Override
    public void close() {
        writes.closeAfterWrites(() -> loop.execute(() -> {
            if (!closed) {
                closeRequested = true;
                flushWrites();
            }
        }));
    }

    @Override
    public void abort() {
        loop.execute(() -> shut(false, new IOException("the connection was aborted"), false));
    }

    @Override
    public boolean isSecure() {
        return link.isSecure();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public InetSocketAddress localAddress() {
        return local;
    }

    /**
     * Gives back bytes the opening handshake read past the server's response (frames sent right
     * after the 101): the next demand delivers them before the socket is read again. Call from
     * within {@code onData}, with a view of the buffer it was given.
     */
    void unread(ByteBuffer rest) {
        loop.execute(() -> unread = rest);
    }

    // ---- the loop's side

    @Override
    public void ready(SelectionKey key) throws IOException {
        if (key.isWritable()) {
            flushWrites();
        }
        if (!closed && key.isReadable()) {
            readNow();
        }
    }

    @Override
    public void failed(Throwable error) {
        shut(false, error, true);
    }

    private void onDemand() {
        if (closed) {
            return;
        }
        if (unread != null) {
            ByteBuffer u = unread;
            unread = null;
            deliver(u); // still a view of the current lease, which stays leased
            return;
        }
        pool.release(lease);
        lease = null;
        demanded = true;
        if (link.hasBufferedInput()) {
            readNow();
        } else {
            updateInterest();
        }
    }

    private void readNow() {
        if (!demanded) {
            updateInterest();
            return;
        }
        ByteBuffer buffer = pool.lease();
        int n;
        try {
            n = link.read(buffer);
        } catch (IOException | RuntimeException e) {
            shut(false, e, true);
            return;
        }
        if (n > 0) {
            lease = buffer.flip();
            deliver(buffer);
            return;
        }
        pool.release(buffer);
        if (n < 0) {
            demanded = false;
            ended = true;
            TransportListener l = listener;
            events.execute(l::onEnd);
        }
        updateInterest();
    }

    private void deliver(ByteBuffer data) {
        demanded = false;
        updateInterest();
        TransportListener l = listener;
        events.execute(() -> l.onData(data));
    }

    /** The write queue's port: a batch goes to the loop, which writes it. */
    private void startWrite(ByteBuffer[] buffers, WriteBatch batch) {
        loop.execute(() -> {
            if (closed) {
                completions.execute(() -> batch.failed(new IOException("the connection is closed")));
                return;
            }
            unwritten = buffers;
            unwrittenBatch = batch;
            flushWrites();
        });
    }

    /** A write failed: the port's report of it is also the end of the connection. */
    private void writeFailed(Throwable error) {
        loop.execute(() -> shut(false, error, true));
    }

    /**
     * Writes what the socket takes of the batch in hand, and TLS records of the link's own; sets
     * OP_WRITE while anything is left. The batch is reported off the loop: its senders' callbacks
     * may wake a sender blocked inside a handler, and the queue's next batch starts there.
     */
    private void flushWrites() {
        if (closed) {
            return;
        }
        try {
            boolean blocked = false;
            if (unwritten != null) {
                if (link.write(unwritten)) {
                    WriteBatch done = unwrittenBatch;
                    unwritten = null;
                    unwrittenBatch = null;
                    completions.execute(done::succeeded);
                } else {
                    blocked = true;
                }
            }
            if (!blocked && link.wantsWrite()) {
                blocked = !link.write(NO_BYTES); // TLS records of its own (a post-handshake answer)
            }
            writeBlocked = blocked;
        } catch (IOException | RuntimeException e) {
            shut(false, e, true);
            return;
        }
        if (closeRequested && !writeBlocked) {
            shut(true, null, false);
        } else {
            updateInterest();
        }
    }

    /**
     * Ends the connection: gracefully (TLS close_notify) or not; pending writes fail with
     * {@code error}, and the listener hears of it when {@code report} is set and it has not
     * heard of an end yet. The current lease is dropped, not pooled: the listener may still be
     * reading it.
     */
    private void shut(boolean graceful, Throwable error, boolean report) {
        if (closed) {
            return;
        }
        closed = true;
        key.cancel();
        if (graceful) {
            link.close();
        } else {
            link.abort();
        }
        lease = null;
        unread = null;
        unwritten = null;
        unwrittenBatch = null;
        Throwable cause = error != null ? error : new IOException("the connection is closed");
        completions.execute(() -> writes.fail(cause));
        TransportListener l = listener;
        if (report && !ended && l != null) {
            ended = true;
            LOG.log(System.Logger.Level.DEBUG, "connection to {0} failed: {1}", remote, error);
            events.execute(() -> l.onError(error));
        }
    }

    private void updateInterest() {
        if (!key.isValid()) {
            return;
        }
        int ops = (demanded ? SelectionKey.OP_READ : 0) | (writeBlocked || link.wantsWrite() ? SelectionKey.OP_WRITE : 0);
        if (key.interestOps() != ops) {
            key.interestOps(ops);
        }
    }

    private static InetSocketAddress address(SocketChannel channel, boolean remote) {
        try {
            return (InetSocketAddress) (remote ? channel.getRemoteAddress() : channel.getLocalAddress());
        } catch (IOException e) {
            return null;
        }
    }
}
