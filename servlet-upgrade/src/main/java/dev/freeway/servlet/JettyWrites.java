package dev.freeway.servlet;

import dev.freeway.container.WriteCallback;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * The write side of a {@link JettyTransport}: buffers are written in order, with at most one
 * {@link EndPoint#write} under way (Jetty allows no more), which gathers everything queued
 * meanwhile. Nothing blocks. As with {@link ServletTransport}, how many bytes may wait here is
 * bounded by the session ({@code dev.freeway.maxOutboundBytes}), which counts what it handed over
 * until the callback.
 *
 * <p>Which thread runs the callbacks (the session's: they count bytes and wake blocked senders; the
 * application's {@code SendHandler}s are run by the session on its executor):
 * <ul>
 * <li>a write the socket takes at once completes on the thread that wrote, once Jetty's
 *     {@code write} has returned; writes queued meanwhile are started by the same thread, in a loop,
 *     so a callback that leads to another write never deepens the stack;</li>
 * <li>a write Jetty finishes later completes on the thread Jetty finishes it on: the callback
 *     handed to Jetty is of the blocking kind (Jetty's default), so Jetty runs it on a pool thread,
 *     never on a selector busy selecting, and that thread goes on with the writes queued meanwhile;</li>
 * <li>a failed write completes on the executor: Jetty fails writes on whatever thread closes the
 *     endpoint, which may be the session's own, inside its locks.</li>
 * </ul>
 * No write ever needs the thread that is reading: a blocking send from inside {@code @OnMessage}
 * (which runs on a Jetty thread, see {@link JettyTransport}) waits for a completion another thread
 * brings.
 */
final class JettyWrites {
    private final EndPoint endPoint;
    private final Executor executor;
    private final Consumer<Throwable> onFailure;

    private final Object lock = new Object();
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    /** A thread is starting writes, or Jetty is doing one: new writes only queue. */
    private boolean writing;
    /** What to do once everything is written, or null. */
    private Runnable afterWrites;
    /** Set once writing is over: later writes fail at once with it. */
    private Throwable closed;

    /**
     * @param executor  runs the callbacks of failed writes
     * @param onFailure told when a write fails, after the callbacks
     */
    JettyWrites(EndPoint endPoint, Executor executor, Consumer<Throwable> onFailure) {
        this.endPoint = endPoint;
        this.executor = executor;
        this.onFailure = onFailure;
    }

    void write(ByteBuffer[] buffers, WriteCallback done) {
        Throwable refused;
        synchronized (lock) {
            refused = closed;
            if (refused == null) {
                queue.add(new Pending(buffers, done));
                if (writing) {
                    return; // whoever is writing starts this one next
                }
                writing = true;
            }
        }
        if (refused != null) {
            done.completed(new IOException("the connection is closed", refused));
        } else {
            writeQueued();
        }
    }

    /** Runs {@code action} once the writes requested so far are done (at once if none is). */
    void closeAfterWrites(Runnable action) {
        boolean now;
        synchronized (lock) {
            now = closed == null && !writing;
            if (now) {
                closed = new IOException("the connection is closed");
            } else if (closed == null) {
                afterWrites = action;
            }
        }
        if (now) {
            action.run();
        }
    }

    /**
     * Fails the writes still queued and any later ones with {@code cause}; the one Jetty is writing
     * fails by itself when the endpoint closes.
     */
    void drop(Throwable cause) {
        List<Pending> dropped;
        synchronized (lock) {
            if (closed == null) {
                closed = cause;
            }
            afterWrites = null;
            dropped = new ArrayList<>(queue);
            queue.clear();
        }
        for (Pending p : dropped) {
            p.done.completed(cause);
        }
    }

    /**
     * Hands everything queued to Jetty, batch after batch, for as long as Jetty completes them at
     * once; returns when the queue is empty (running the close that waited for it) or when Jetty
     * will complete a batch later (its completion then goes on from here).
     */
    private void writeQueued() {
        while (true) {
            List<Pending> batch = null;
            Runnable after = null;
            synchronized (lock) {
                if (closed == null && !queue.isEmpty()) {
                    batch = new ArrayList<>(queue);
                    queue.clear();
                } else {
                    writing = false;
                    if (closed == null && afterWrites != null) {
                        after = afterWrites;
                        afterWrites = null;
                        closed = new IOException("the connection is closed");
                    }
                }
            }
            if (batch == null) {
                if (after != null) {
                    after.run();
                }
                return;
            }
            Flush flush = new Flush(batch);
            try {
                endPoint.write(flush, flush.buffers());
            } catch (RuntimeException e) { // WritePendingException cannot happen: one write at a time
                flush.failed(e);
            }
            if (!flush.goOnHere()) {
                return;
            }
            flush.complete();
        }
    }

    /** A batch failed: it, everything queued and every later write fail; the transport hears of it. */
    private void failed(List<Pending> batch, Throwable error) {
        List<Pending> dropped;
        synchronized (lock) {
            if (closed == null) {
                closed = error;
            }
            dropped = new ArrayList<>(queue);
            queue.clear();
            afterWrites = null;
            writing = false;
        }
        for (Pending p : batch) {
            p.done.completed(error);
        }
        for (Pending p : dropped) {
            p.done.completed(error);
        }
        onFailure.accept(error);
    }

    /** One batch handed to Jetty: where and when it completes is decided by who gets there second. */
    private final class Flush implements Callback {
        private final List<Pending> batch;
        /** Guarded by {@code lock}: Jetty succeeded. */
        private boolean succeeded;
        /** Guarded by {@code lock}: Jetty failed; the executor completes the batch. */
        private boolean failedAlready;
        /** Guarded by {@code lock}: Jetty's write returned unfinished, its completion goes on. */
        private boolean later;

        Flush(List<Pending> batch) {
            this.batch = batch;
        }

        ByteBuffer[] buffers() {
            int count = 0;
            for (Pending p : batch) {
                count += p.buffers.length;
            }
            ByteBuffer[] all = new ByteBuffer[count];
            int i = 0;
            for (Pending p : batch) {
                for (ByteBuffer b : p.buffers) {
                    all[i++] = b;
                }
            }
            return all;
        }

        /** After Jetty's write returned: whether it is done, so the writing thread completes it and goes on. */
        boolean goOnHere() {
            synchronized (lock) {
                if (succeeded) {
                    return true;
                }
                later = !failedAlready;
                return false;
            }
        }

        @Override
        public void succeeded() {
            boolean ours;
            synchronized (lock) {
                succeeded = true;
                ours = later; // else the writing thread, still in Jetty's write, goes on
            }
            if (ours) {
                complete();
                writeQueued();
            }
        }

        @Override
        public void failed(Throwable error) {
            synchronized (lock) {
                failedAlready = true;
            }
            Runnable fail = () -> JettyWrites.this.failed(batch, error);
            try {
                executor.execute(fail);
            } catch (RejectedExecutionException e) { // the executor is gone with its application
                fail.run();
            }
        }

        void complete() {
            for (Pending p : batch) {
                p.done.completed(null);
            }
        }
    }

    /** Buffers to write, and who to tell. */
    private record Pending(ByteBuffer[] buffers, WriteCallback done) {
    }
}
