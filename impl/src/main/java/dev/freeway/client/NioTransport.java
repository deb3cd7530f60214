package dev.freeway.client;

import dev.freeway.container.Transport;
import dev.freeway.container.TransportListener;
import dev.freeway.container.WriteCallback;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

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
 * <p><b>Writing</b> goes through a queue: callers add buffers from any thread; the loop writes
 * them in order and sets OP_WRITE only while the socket has not taken everything. The session
 * bounds the queue in bytes.
 */
final class NioTransport implements Transport, SelectorLoop.Handler {
    private static final System.Logger LOG = System.getLogger(NioTransport.class.getName());
    private static final ByteBuffer[] NO_BYTES = new ByteBuffer[0];

    private record PendingWrite(ByteBuffer[] buffers, WriteCallback done) {
    }

    private final SelectorLoop loop;
    private final SelectionKey key;
    private final Link link;
    private final BufferPool pool;
    private final SerialExecutor events;
    private final SerialExecutor completions;
    private final InetSocketAddress remote;
    private final InetSocketAddress local;
    private final ConcurrentLinkedQueue<PendingWrite> writes = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private volatile TransportListener listener;

    // Loop thread only.
    private boolean demanded;
    /** The buffer last handed to the listener; returned to the pool at the next demand. */
    private ByteBuffer lease;
    /** Bytes pushed back (read past the handshake response), delivered before reading again. */
    private ByteBuffer unread;
    private boolean writeBlocked;
    private boolean closeRequested;
    private boolean closed;
    /** The end of input or an error was reported to the listener. */
    private boolean ended;

    /** Takes over {@code key} (its attachment becomes this transport); loop thread only. */
    NioTransport(SelectorLoop loop, SelectionKey key, Link link, BufferPool pool, Executor executor) {
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
        writes.add(new PendingWrite(buffers, done));
        if (flushScheduled.compareAndSet(false, true)) {
            loop.execute(() -> {
                flushScheduled.set(false); // before flushing: a write added meanwhile schedules another flush
                flushWrites();
            });
        }
    }

    @Override
    public void close() {
        loop.execute(() -> {
            if (!closed) {
                closeRequested = true;
                flushWrites();
            }
        });
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

    private void flushWrites() {
        if (closed) {
            failQueued(new IOException("the connection is closed"));
            return;
        }
        List<WriteCallback> done = null;
        try {
            boolean blocked = false;
            PendingWrite w;
            while ((w = writes.peek()) != null) {
                if (!link.write(w.buffers)) {
                    blocked = true;
                    break;
                }
                writes.poll();
                if (done == null) {
                    done = new ArrayList<>();
                }
                done.add(w.done);
            }
            if (!blocked && link.wantsWrite()) {
                blocked = !link.write(NO_BYTES); // TLS records of its own (a post-handshake answer)
            }
            writeBlocked = blocked;
        } catch (IOException | RuntimeException e) {
            complete(done, null);
            shut(false, e, true);
            return;
        }
        complete(done, null);
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
        failQueued(error != null ? error : new IOException("the connection is closed"));
        TransportListener l = listener;
        if (report && !ended && l != null) {
            ended = true;
            LOG.log(System.Logger.Level.DEBUG, "connection to {0} failed: {1}", remote, error);
            events.execute(() -> l.onError(error));
        }
    }

    private void failQueued(Throwable error) {
        List<WriteCallback> failed = new ArrayList<>();
        PendingWrite w;
        while ((w = writes.poll()) != null) {
            failed.add(w.done);
        }
        complete(failed.isEmpty() ? null : failed, error);
    }

    private void complete(List<WriteCallback> callbacks, Throwable error) {
        if (callbacks != null) {
            completions.execute(() -> callbacks.forEach(c -> c.completed(error)));
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
