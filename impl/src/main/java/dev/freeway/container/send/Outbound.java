package dev.freeway.container.send;

import dev.freeway.container.OutboundFullException;
import dev.freeway.container.SendTimeoutException;
import dev.freeway.container.Transport;
import dev.freeway.container.WriteCallback;
import dev.freeway.container.metrics.EndpointCounters;
import dev.freeway.container.runtime.SessionSettings;
import dev.freeway.engine.Connection;
import dev.freeway.engine.ConnectionState;
import dev.freeway.engine.Event;
import dev.freeway.engine.LocalProtocolError;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The sending side of a session: turns events into bytes with the engine and hands them to the
 * transport in order, whatever thread sends.
 *
 * <p>Three things are guarded here. Messages stay whole: a thread that begins a message in parts
 * (partial sends, send streams, the streaming sender) owns the outbound side until the last part,
 * and other threads' messages wait for it. Memory stays bounded: bytes handed to the transport
 * and not yet written are counted, and a send that would pass {@code maxOutboundBytes} waits
 * (blocking sends) or is refused (asynchronous ones). And time is bounded: a send that does not
 * complete within the send timeout fails and drops the connection, since a peer that does not
 * read would hold it forever.
 *
 * <p>No thread ever waits here but a blocking sender's own. An asynchronous send that finds
 * another thread's message in progress joins a queue, bounded in bytes together with what is in
 * flight, and the thread that releases the outbound side writes it (writes only hand bytes to
 * the transport, so that costs no waiting either).
 */
public final class Outbound {
    private final Connection engine;
    private final ReentrantLock engineLock;
    private final Transport transport;
    private final SessionSettings settings;
    private final EndpointCounters counters;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** The thread that owns a message in progress, or {@code null}. */
    private Thread owner;
    /** Bytes handed to the transport and not yet reported written. */
    private long inFlight;
    private Throwable failure;
    /** Asynchronous sends waiting for the owner to finish its message, in order. */
    private final java.util.ArrayDeque<QueuedSend> queue = new java.util.ArrayDeque<>();
    /** Bytes of the events in {@link #queue}, counted with {@link #inFlight} against the limit. */
    private long queuedBytes;

    /** Read on every send, so without the lock. */
    private volatile boolean batching;
    private final List<ByteBuffer> batch = new ArrayList<>();
    private long batchBytes;
    private static final long BATCH_FLUSH_BYTES = 64 * 1024;

    /** Told (on the executor) when a send timed out and the connection was dropped. */
    private final java.util.function.Consumer<Throwable> connectionLost;

    public Outbound(Connection engine, ReentrantLock engineLock, Transport transport, SessionSettings settings,
             EndpointCounters counters, java.util.function.Consumer<Throwable> connectionLost) {
        this.engine = engine;
        this.counters = counters;
        this.engineLock = engineLock;
        this.transport = transport;
        this.settings = settings;
        this.connectionLost = connectionLost;
    }

    /** A send timed out: no further send can succeed, the connection is dropped, the session ends. */
    private void dropAfterTimeout(SendTimeoutException e) {
        counters.sendTimedOut();
        fail(e);
        transport.abort();
        settings.executor().execute(() -> connectionLost.accept(e));
    }

    /**
     * Sends one event (a whole message frame, a control frame, a part) and blocks until its
     * bytes reached the network. {@code continues} says the current thread keeps the outbound
     * side for more parts of the same message; {@code false} releases it.
     */
    public void sendBlocking(Event event, boolean continues) throws IOException {
        long deadline = deadline();
        acquire(deadline, event);
        Pending p;
        try {
            p = write(event, deadline, true);
        } finally {
            release(continues);
        }
        if (p != null) {
            p.await(deadline, this);
        }
    }

    /**
     * Sends without blocking on the network or on another sender; {@code done} hears the outcome.
     * If another thread owns the outbound side, the send is queued behind it (never waited for on
     * a thread); if the bytes waiting for the peer, queued ones included, would pass the limit it
     * is refused at once; and if it is not written within the send timeout, it fails and the
     * connection is dropped.
     */
    public void sendAsync(Event event, WriteCallback done) {
        long size = engineSizeHint(event);
        boolean claimed;
        lock.lock();
        try {
            if (failure != null) {
                done.completed(failure);
                return;
            }
            long waiting = inFlight + queuedBytes;
            if (waiting > 0 && waiting + size > settings.maxOutboundBytes()) {
                done.completed(new OutboundFullException(waiting + " bytes are still waiting for the peer (limit "
                        + settings.maxOutboundBytes() + "): it reads slower than the application sends"));
                return;
            }
            boolean mine = owner == Thread.currentThread() || owner == null && queue.isEmpty();
            if (!mine) {
                QueuedSend q = new QueuedSend(event, size, done);
                queue.add(q);
                queuedBytes += size;
                expireLater(q);
                return;
            }
            // Own the outbound side while writing, so no other thread's message can begin between
            // the check above and the write (the engine would take ours as its continuation).
            claimed = owner == null;
            owner = Thread.currentThread();
        } finally {
            lock.unlock();
        }
        try {
            writeAsync(event, done, null);
        } finally {
            if (claimed) {
                release(false);
            }
        }
    }

    /**
     * Writes an asynchronous send the current thread owns the outbound side for; {@code queued}
     * is its queue entry, whose timer (set when it was queued) goes on watching the write.
     */
    private void writeAsync(Event event, WriteCallback done, QueuedSend queued) {
        WriteCallback callback = queued == null ? done : error -> {
            queued.cancelExpiry();
            done.completed(error);
        };
        Pending p;
        try {
            p = write(event, Long.MAX_VALUE, false);
        } catch (IOException | RuntimeException e) {
            callback.completed(e);
            return;
        }
        if (p == null) {
            callback.completed(null);
            return;
        }
        p.then(callback);
        long timeout = settings.sendTimeoutMillis();
        if (queued != null) {
            if (queued.written(p)) { // its timer went off while it was being handed over
                p.expire(timeout, this);
            }
            return;
        }
        if (timeout > 0 && !p.isDone()) {
            p.expireBy(settings.scheduler().schedule(() -> p.expire(timeout, this), timeout, TimeUnit.MILLISECONDS));
        }
    }

    /** Under {@code lock}: the timer fails {@code q} if it is not written within the send timeout. */
    private void expireLater(QueuedSend q) {
        long timeout = settings.sendTimeoutMillis();
        if (timeout > 0) {
            q.expiry = settings.scheduler().schedule(() -> expireQueued(q, timeout), timeout, TimeUnit.MILLISECONDS);
        }
    }

    /** A queued send's timeout: still queued, it fails here; already handed over, its write does. */
    private void expireQueued(QueuedSend q, long timeoutMillis) {
        boolean stillQueued;
        lock.lock();
        try {
            stillQueued = queue.remove(q);
            if (stillQueued) {
                queuedBytes -= q.size;
            }
        } finally {
            lock.unlock();
        }
        if (stillQueued) {
            SendTimeoutException e = new SendTimeoutException("send timed out after " + timeoutMillis
                    + " ms waiting for another thread to finish its message");
            q.done.completed(e);
            dropAfterTimeout(e);
            return;
        }
        Pending p = q.timedOut();
        if (p != null && p != QueuedSend.TAKEN) {
            p.expire(timeoutMillis, this);
        }
        // TAKEN: the thread handing it over sees the timeout; null: fail() already failed it
    }

    /**
     * Writes the queued sends once nobody owns the outbound side; runs on the thread that just
     * released it. Each takes the outbound side in turn, so a blocking sender that was waiting
     * goes after them, in order.
     */
    private void drainQueue() {
        while (true) {
            QueuedSend q;
            lock.lock();
            try {
                if (owner != null || queue.isEmpty()) {
                    return;
                }
                q = queue.poll();
                queuedBytes -= q.size;
                owner = Thread.currentThread();
                q.pending = QueuedSend.TAKEN;
            } finally {
                lock.unlock();
            }
            try {
                writeAsync(q.event, q.done, q);
            } finally {
                lock.lock();
                try {
                    owner = null;
                    changed.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    /** Sends the bytes the engine owes the peer on its own (pongs, close replies, error closes). */
    public void flushOwed() {
        engineLock.lock();
        try {
            ByteBuffer owed;
            while ((owed = engine.pendingOutput()) != null) {
                handOver(new ByteBuffer[] {owed});
            }
        } finally {
            engineLock.unlock();
        }
    }

    /**
     * The calling thread gives up the message it owns unfinished (its writer failed). Other
     * threads may send again; the caller closes the connection, as the peer holds part of it.
     */
    void giveUpMessage() {
        release(false);
    }

    public void setBatching(boolean on) throws IOException {
        batching = on;
        if (!on) {
            flushBatch();
        }
    }

    public boolean isBatching() {
        return batching;
    }

    /** Writes out what batching held back. */
    public void flushBatch() throws IOException {
        Pending p;
        engineLock.lock();
        try {
            p = writeBatch();
        } finally {
            engineLock.unlock();
        }
        if (p != null) {
            p.await(deadline(), this);
        }
    }

    /** Fails every waiting, queued and future send: the connection is gone. */
    public void fail(Throwable cause) {
        List<QueuedSend> dropped;
        lock.lock();
        try {
            if (failure == null) {
                failure = cause;
            }
            dropped = new ArrayList<>(queue);
            queue.clear();
            queuedBytes = 0;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        for (QueuedSend q : dropped) {
            q.cancelExpiry();
            q.done.completed(failure);
        }
    }

    /** Whether a write failed (or the session failed the sends): the connection can carry nothing more. */
    public boolean hasFailed() {
        lock.lock();
        try {
            return failure != null;
        } finally {
            lock.unlock();
        }
    }

    /** Bytes in flight and queued: what this session holds for its peer. */
    public long buffered() {
        lock.lock();
        try {
            return inFlight + queuedBytes;
        } finally {
            lock.unlock();
        }
    }

    /** Bytes of asynchronous sends queued behind another thread's message. */
    public long queued() {
        lock.lock();
        try {
            return queuedBytes;
        } finally {
            lock.unlock();
        }
    }

    /** Bytes handed to the transport and not yet written. */
    public long inFlight() {
        lock.lock();
        try {
            return inFlight;
        } finally {
            lock.unlock();
        }
    }

    // ---- internals

    private long deadline() {
        long timeout = settings.sendTimeoutMillis();
        return timeout > 0 ? System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeout) : Long.MAX_VALUE;
    }

    /** Waits until this thread may send: no other owner, and room under the outbound limit. */
    private void acquire(long deadline, Event event) throws IOException {
        long size = engineSizeHint(event);
        lock.lock();
        try {
            while (true) {
                if (failure != null) {
                    throw asIOException(failure);
                }
                // Queued asynchronous sends came first: they go before a new message.
                boolean mine = owner == Thread.currentThread() || owner == null && queue.isEmpty();
                boolean room = inFlight == 0 || inFlight + size <= settings.maxOutboundBytes();
                if (mine && room) {
                    owner = Thread.currentThread();
                    return;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    if (!mine) {
                        counters.sendTimedOut(); // the connection stays: the other thread's message goes on
                        throw timedOut("waiting for another thread to finish its message");
                    }
                    SendTimeoutException e = timedOut("waiting for the peer to read " + inFlight + " bytes");
                    lock.unlock(); // dropAfterTimeout takes it again through fail()
                    try {
                        dropAfterTimeout(e);
                    } finally {
                        lock.lock();
                    }
                    throw e;
                }
                changed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting to send");
        } finally {
            lock.unlock();
        }
    }

    private void release(boolean continues) {
        if (continues) {
            return;
        }
        boolean released = false;
        lock.lock();
        try {
            if (owner == Thread.currentThread()) {
                owner = null;
                released = true;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
        if (released) {
            drainQueue();
        }
    }

    /** Runs the event through the engine and hands its bytes over (or batches them). */
    private Pending write(Event event, long deadline, boolean mayBatch) throws IOException {
        engineLock.lock();
        try {
            ByteBuffer[] bytes = engineSend(event);
            if (endsMessage(event)) {
                counters.messageSent();
            }
            if (batching && mayBatch) {
                for (ByteBuffer b : bytes) {
                    this.batch.add(copy(b)); // the caller may reuse its buffer once we return
                    batchBytes += b.remaining();
                }
                return batchBytes >= BATCH_FLUSH_BYTES ? writeBatch() : null;
            }
            writeBatch(); // the batch goes first; writes complete in order, so the caller waits for the last
            return handOver(bytes);
        } finally {
            engineLock.unlock();
        }
    }

    /**
     * The engine's bytes for {@code event}. Its refusals are the engine's own type, which must
     * not reach the application through the Jakarta API: a send once the close frame went out
     * (or the connection ended) is the API's IOException, any other misuse an IllegalStateException.
     */
    private ByteBuffer[] engineSend(Event event) throws IOException {
        try {
            return engine.send(event);
        } catch (LocalProtocolError e) {
            if (engine.state() != ConnectionState.OPEN) {
                throw new IOException("the session is closed: " + e.getMessage());
            }
            throw new IllegalStateException(e.getMessage());
        }
    }

    private Pending writeBatch() {
        if (batch.isEmpty()) {
            return null;
        }
        ByteBuffer[] all = batch.toArray(new ByteBuffer[0]);
        batch.clear();
        batchBytes = 0;
        return handOver(all);
    }

    /** Hands bytes to the transport; must run under the engine lock so the order is the engine's. */
    private Pending handOver(ByteBuffer[] bytes) {
        long size = 0;
        for (ByteBuffer b : bytes) {
            size += b.remaining();
        }
        Pending p = new Pending(size);
        lock.lock();
        try {
            inFlight += size;
        } finally {
            lock.unlock();
        }
        transport.write(bytes, error -> written(p, error));
        return p;
    }

    private void written(Pending p, Throwable error) {
        Throwable reported = error;
        lock.lock();
        try {
            inFlight -= p.size;
            if (error != null) {
                if (failure == null) {
                    failure = error;
                } else {
                    // the session dropped the connection for a reason of its own (a send timed
                    // out): the write it cut off fails with that reason, not the transport's abort
                    reported = failure;
                }
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (error == null) {
            counters.bytesSent(p.size);
        }
        p.complete(reported);
    }

    /** Whether {@code event} is the last frame of a data message (the engine has accepted it). */
    private static boolean endsMessage(Event event) {
        if (event instanceof dev.freeway.engine.Data) {
            return ((dev.freeway.engine.Data) event).messageFinished();
        }
        return event instanceof dev.freeway.engine.FrameBegin && ((dev.freeway.engine.FrameBegin) event).fin();
    }

    private static long engineSizeHint(Event event) {
        if (event instanceof dev.freeway.engine.Data) {
            return ((dev.freeway.engine.Data) event).payload().remaining();
        }
        if (event instanceof dev.freeway.engine.FrameData) {
            return ((dev.freeway.engine.FrameData) event).chunk().remaining();
        }
        return 0;
    }

    private static ByteBuffer copy(ByteBuffer b) {
        ByteBuffer c = ByteBuffer.allocate(b.remaining());
        c.put(b.duplicate()).flip();
        return c;
    }

    SendTimeoutException timedOut(String doing) {
        return new SendTimeoutException("send timed out after " + settings.sendTimeoutMillis() + " ms " + doing);
    }

    private static IOException asIOException(Throwable t) {
        if (t instanceof SessionClosedException) {
            return new IOException(t.getMessage(), t); // with the caller's stack, which the cause lacks
        }
        return t instanceof IOException ? (IOException) t : new IOException("the connection failed: " + t, t);
    }

    /** An asynchronous send waiting in the queue, and then its write. */
    private static final class QueuedSend {
        /** Marks a send taken from the queue whose write has not been handed over yet. */
        static final Pending TAKEN = new Pending(0);

        final Event event;
        final long size;
        final WriteCallback done;
        /** {@link #TAKEN} once out of the queue, then the write its timer watches. */
        volatile Pending pending;
        volatile java.util.concurrent.Future<?> expiry;
        private volatile boolean timedOut;

        QueuedSend(Event event, long size, WriteCallback done) {
            this.event = event;
            this.size = size;
            this.done = done;
        }

        /**
         * Its bytes went to the transport. Both sides write, then read the other's flag (both
         * volatile), so at least one of them sees the timeout if it comes during the hand-over.
         *
         * @return whether the timer went off before: the caller expires {@code p} itself
         */
        boolean written(Pending p) {
            pending = p;
            return timedOut;
        }

        /** The timer went off; the write to expire, if already handed over. */
        Pending timedOut() {
            timedOut = true;
            return pending;
        }

        void cancelExpiry() {
            java.util.concurrent.Future<?> e = expiry;
            if (e != null) {
                e.cancel(false);
            }
        }
    }

    /** Bytes handed to the transport, and who waits for them to be written. */
    static final class Pending {
        final long size;
        private Throwable error;
        private boolean done;
        private WriteCallback callback;
        /** The timer task that would fail this send, cancelled once the send is done (async sends). */
        private java.util.concurrent.Future<?> expiry;

        Pending(long size) {
            this.size = size;
        }

        synchronized void complete(Throwable e) {
            if (done) {
                return;
            }
            done = true;
            error = e;
            notifyAll();
            if (expiry != null) {
                expiry.cancel(false); // the timer queue keeps no task per finished send
            }
            if (callback != null) {
                callback.completed(e);
            }
        }

        synchronized boolean isDone() {
            return done;
        }

        /** {@code task} fails this send at its timeout; cancelled as soon as the send is done. */
        synchronized void expireBy(java.util.concurrent.Future<?> task) {
            if (done) {
                task.cancel(false);
            } else {
                expiry = task;
            }
        }

        synchronized void then(WriteCallback c) {
            if (done) {
                c.completed(error);
            } else {
                callback = c;
            }
        }

        /** Fails the send if still pending after the timeout (asynchronous sends). */
        void expire(long timeoutMillis, Outbound out) {
            if (isDone()) {
                return;
            }
            SendTimeoutException e = new SendTimeoutException("send timed out after " + timeoutMillis + " ms: the peer is not reading");
            complete(e); // first, so the sender hears of the timeout rather than of the drop it causes
            out.dropAfterTimeout(e);
        }

        void await(long deadline, Outbound out) throws IOException {
            synchronized (this) {
                try {
                    while (!done) {
                        long left = deadline - System.nanoTime();
                        if (left <= 0) {
                            break;
                        }
                        TimeUnit.NANOSECONDS.timedWait(this, left);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while sending");
                }
                if (done) {
                    if (error != null) {
                        throw asIOException(error);
                    }
                    return;
                }
            }
            SendTimeoutException e = out.timedOut("waiting for the peer to read");
            complete(e);
            out.dropAfterTimeout(e);
            throw e;
        }
    }
}
