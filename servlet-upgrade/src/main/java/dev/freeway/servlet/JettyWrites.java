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
import java.util.function.Consumer;

/**
 * The write side of a {@link JettyTransport}: buffers are written in order, with at most one
 * {@link EndPoint#write} under way (Jetty allows no more), which gathers everything queued
 * meanwhile. Nothing blocks: Jetty completes the write when the socket took the bytes, and the
 * callbacks then run, in order, on the executor. As with {@link ServletTransport}, how many bytes
 * may wait here is bounded by the session ({@code dev.freeway.maxOutboundBytes}), which counts what
 * it handed over until the callback.
 */
final class JettyWrites {
    private final EndPoint endPoint;
    private final Executor executor;
    private final Consumer<Throwable> onFailure;

    private final Object lock = new Object();
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    /** Being written by Jetty now, or null. */
    private List<Pending> inFlight;
    /** What to do once everything is written, or null. */
    private Runnable afterWrites;
    /** Set once writing is over: later writes fail at once with it. */
    private Throwable closed;

    /**
     * @param executor  runs the callbacks (never Jetty's threads)
     * @param onFailure told when a write fails, after the callbacks
     */
    JettyWrites(EndPoint endPoint, Executor executor, Consumer<Throwable> onFailure) {
        this.endPoint = endPoint;
        this.executor = executor;
        this.onFailure = onFailure;
    }

    void write(ByteBuffer[] buffers, WriteCallback done) {
        List<Pending> batch;
        Throwable refused;
        synchronized (lock) {
            refused = closed;
            if (refused == null) {
                queue.add(new Pending(buffers, done));
            }
            batch = inFlight == null && refused == null ? takeBatch() : null;
        }
        if (refused != null) {
            done.completed(new IOException("the connection is closed", refused));
        } else if (batch != null) {
            submit(batch);
        }
    }

    /** Runs {@code action} once the writes requested so far are done (at once if none is). */
    void closeAfterWrites(Runnable action) {
        boolean now;
        synchronized (lock) {
            now = closed == null && inFlight == null && queue.isEmpty();
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

    private List<Pending> takeBatch() {
        List<Pending> batch = new ArrayList<>(queue);
        queue.clear();
        inFlight = batch;
        return batch;
    }

    private void submit(List<Pending> batch) {
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
        Callback written = new Callback() {
            @Override
            public void succeeded() {
                executor.execute(() -> completed(batch, null));
            }

            @Override
            public void failed(Throwable error) {
                executor.execute(() -> completed(batch, error));
            }
        };
        try {
            endPoint.write(written, all);
        } catch (RuntimeException e) { // WritePendingException cannot happen: one write at a time
            written.failed(e);
        }
    }

    private void completed(List<Pending> batch, Throwable error) {
        List<Pending> next = null;
        List<Pending> dropped = List.of();
        Runnable after = null;
        synchronized (lock) {
            inFlight = null;
            if (error != null) {
                if (closed == null) {
                    closed = error;
                }
                dropped = new ArrayList<>(queue);
                queue.clear();
                afterWrites = null;
            } else if (!queue.isEmpty()) {
                next = takeBatch();
            } else if (afterWrites != null) {
                after = afterWrites;
                afterWrites = null;
                closed = new IOException("the connection is closed");
            }
        }
        for (Pending p : batch) {
            p.done.completed(error);
        }
        for (Pending p : dropped) {
            p.done.completed(error);
        }
        if (next != null) {
            submit(next);
        } else if (after != null) {
            after.run();
        } else if (error != null) {
            onFailure.accept(error);
        }
    }

    /** Buffers to write, and who to tell. */
    private record Pending(ByteBuffer[] buffers, WriteCallback done) {
    }
}
