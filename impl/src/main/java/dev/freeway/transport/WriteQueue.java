package dev.freeway.transport;

import dev.freeway.container.WriteCallback;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A connection's outbound queue: writes from any thread, in order, handed to a {@link WritePort}
 * one batch at a time (a batch gathers everything queued while the previous one was in flight).
 * How many bytes may wait here is bounded by the session, which counts what it handed over until
 * the callback.
 *
 * <p>Which thread completes the senders' callbacks, and why:
 * <ul>
 * <li>a batch the port finishes before its {@code write} returns completes on the thread that
 *     wrote, once {@code write} has returned; that thread then starts what was queued meanwhile,
 *     in a loop (a trampoline), so a callback that leads to another write never deepens the stack
 *     and the per-message path stays on one thread;</li>
 * <li>a batch the port finishes later completes on the thread that reports it, which goes on with
 *     the batches queued meanwhile: no extra hand-off for a transport whose completion arrives on a
 *     thread fit to write (a container's pool thread);</li>
 * <li>a port that must not complete on the reporting thread (a selector, a thread inside the
 *     session's locks) hands its report to another thread itself.</li>
 * </ul>
 *
 * <p>Ending: {@link #closeAfterWrites} runs the transport's close once everything asked for is
 * written; {@link #fail} (the transport dropped the connection) fails what is queued and in flight;
 * a failure the port reports does the same and is passed to the transport once. Every callback runs
 * exactly once, whatever races.
 */
public final class WriteQueue {
    private final WritePort port;
    private final Consumer<Throwable> onFailure;

    private final Object lock = new Object();
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    /** A thread is starting batches, or the port has one in flight: new writes only queue. */
    private boolean writing;
    /** The batch handed to the port and not yet reported, or null. */
    private WriteBatch current;
    /** What to run once everything is written, or null. */
    private Runnable afterWrites;
    /** Set once writing is over: later writes fail at once with it. */
    private Throwable closed;

    /**
     * @param port      starts the writes
     * @param onFailure told once when the port reports a failure, after the callbacks (the
     *                  transport then drops the connection and tells its session)
     */
    public WriteQueue(WritePort port, Consumer<Throwable> onFailure) {
        this.port = port;
        this.onFailure = onFailure;
    }

    /** Writes {@code buffers} after every earlier write; {@code done} hears once how it went. */
    public void write(ByteBuffer[] buffers, WriteCallback done) {
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

    /**
     * Runs {@code close} once the writes asked for so far are done (at once if none is), and
     * refuses later writes; nothing is run if the queue failed or closed already.
     */
    public void closeAfterWrites(Runnable close) {
        boolean now;
        synchronized (lock) {
            if (closed != null) {
                return;
            }
            now = !writing;
            if (now) {
                closed = new Closed();
            } else {
                afterWrites = close;
            }
        }
        if (now) {
            close.run();
        }
    }

    /**
     * The transport dropped the connection: the batch in flight, every queued and every later
     * write fail with {@code cause}. A report of the batch in flight that comes after is ignored.
     */
    public void fail(Throwable cause) {
        WriteBatch inFlight;
        List<Pending> dropped;
        synchronized (lock) {
            if (closed == null) {
                closed = cause;
            }
            afterWrites = null;
            inFlight = current != null && !current.finished ? current : null;
            if (inFlight != null) {
                inFlight.finished = true;
                inFlight.failed = true;
            }
            dropped = takeQueued();
        }
        if (inFlight != null) {
            inFlight.complete(cause);
        }
        completeAll(dropped, cause);
    }

    /**
     * Hands everything queued to the port, batch after batch, for as long as the port finishes
     * them at once; returns when the queue is empty (running the close that waited for it) or when
     * a batch is to be reported later (that report goes on from here).
     */
    private void writeQueued() {
        while (true) {
            WriteBatch batch = null;
            Runnable after = null;
            synchronized (lock) {
                if (closed == null && !queue.isEmpty()) {
                    batch = gather();
                    current = batch;
                } else {
                    writing = false;
                    current = null;
                    if (closed == null && afterWrites != null) {
                        after = afterWrites;
                        afterWrites = null;
                        closed = new Closed();
                    }
                }
            }
            if (batch == null) {
                if (after != null) {
                    after.run();
                }
                return;
            }
            try {
                port.write(batch.buffers, batch);
            } catch (RuntimeException e) {
                batch.failed(e);
            }
            synchronized (lock) {
                if (!batch.finished) {
                    batch.later = true; // its report starts the next batch
                    return;
                }
                if (batch.failed) {
                    return;
                }
            }
            batch.complete(null);
        }
    }

    /** Everything queued as one batch; the caller holds the lock. */
    private WriteBatch gather() {
        if (queue.size() == 1) {
            Pending p = queue.poll();
            return new WriteBatch(this, p.buffers, p.done);
        }
        int count = 0;
        for (Pending p : queue) {
            count += p.buffers.length;
        }
        ByteBuffer[] all = new ByteBuffer[count];
        List<WriteCallback> callbacks = new ArrayList<>(queue.size());
        int i = 0;
        for (Pending p; (p = queue.poll()) != null; ) {
            System.arraycopy(p.buffers, 0, all, i, p.buffers.length);
            i += p.buffers.length;
            callbacks.add(p.done);
        }
        return new WriteBatch(this, all, callbacks);
    }

    void succeeded(WriteBatch batch) {
        boolean ours;
        synchronized (lock) {
            if (batch.finished) {
                return;
            }
            batch.finished = true;
            ours = batch.later; // else the writing thread, still in the port's write, goes on
        }
        if (ours) {
            batch.complete(null);
            writeQueued();
        }
    }

    void failed(WriteBatch batch, Throwable error) {
        List<Pending> dropped;
        synchronized (lock) {
            if (batch.finished) {
                return;
            }
            batch.finished = true;
            batch.failed = true;
            if (closed == null) {
                closed = error;
            }
            afterWrites = null;
            writing = false;
            current = null;
            dropped = takeQueued();
        }
        batch.complete(error);
        completeAll(dropped, error);
        onFailure.accept(error);
    }

    private List<Pending> takeQueued() {
        if (queue.isEmpty()) {
            return List.of();
        }
        List<Pending> taken = new ArrayList<>(queue);
        queue.clear();
        return taken;
    }

    private static void completeAll(List<Pending> dropped, Throwable error) {
        for (Pending p : dropped) {
            p.done.completed(error);
        }
    }

    /** Buffers to write, and who to tell. */
    private record Pending(ByteBuffer[] buffers, WriteCallback done) {
    }

    /**
     * Marks a queue closed after its writes. Every connection makes one when it closes, and it is
     * only ever the cause of a later refusal (which has its own stack), so it walks no stack.
     */
    private static final class Closed extends IOException {
        private static final long serialVersionUID = 1L;

        Closed() {
            super("the connection is closed");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
