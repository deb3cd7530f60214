package dev.freeway.transport;

import dev.freeway.container.WriteCallback;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * The writes a {@link WriteQueue} hands its {@link WritePort} at once, and the report the port
 * makes of them. Only the first report counts: a write the queue already failed (the connection
 * was dropped meanwhile) may still be reported by the port, and is then ignored, so each sender
 * hears of its write exactly once.
 */
public final class WriteBatch {
    private final WriteQueue queue;
    /** The callback of a batch of one write (the usual case: no list to allocate), or null. */
    private final WriteCallback only;
    /** The callbacks of the writes gathered here, in order, when there are several. */
    private final List<WriteCallback> callbacks;
    final ByteBuffer[] buffers;
    /** Guarded by the queue's lock: the batch was reported (or dropped), so later reports are ignored. */
    boolean finished;
    /** Guarded by the queue's lock: it finished with a failure. */
    boolean failed;
    /** Guarded by the queue's lock: the port's write returned unfinished, so its report goes on with the queue. */
    boolean later;

    WriteBatch(WriteQueue queue, ByteBuffer[] buffers, WriteCallback only) {
        this.queue = queue;
        this.buffers = buffers;
        this.only = only;
        this.callbacks = null;
    }

    WriteBatch(WriteQueue queue, ByteBuffer[] buffers, List<WriteCallback> callbacks) {
        this.queue = queue;
        this.buffers = buffers;
        this.only = null;
        this.callbacks = callbacks;
    }

    /** Every buffer of the batch was handed to the network. */
    public void succeeded() {
        queue.succeeded(this);
    }

    /** The write failed: the connection is unusable; this batch, every queued and every later write fail. */
    public void failed(Throwable error) {
        queue.failed(this, error);
    }

    /** Tells the senders; called once, outside the queue's lock. */
    void complete(Throwable error) {
        if (only != null) {
            only.completed(error);
            return;
        }
        for (int i = 0; i < callbacks.size(); i++) {
            callbacks.get(i).completed(error);
        }
    }
}
