package dev.freeway.servlet;

import dev.freeway.container.WriteCallback;
import org.apache.tomcat.util.net.SocketWrapperBase;
import org.apache.tomcat.util.net.SocketWrapperBase.BlockingMode;
import org.apache.tomcat.util.net.SocketWrapperBase.CompletionState;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.CompletionHandler;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The writing side of a {@link TomcatTransport}: writes go to Tomcat's socket in order, one
 * asynchronous gathering write at a time, the rest queued (the session bounds the bytes it hands
 * over). Tomcat finishes a write that does not complete at once when the socket becomes writable,
 * on one of its own threads, outside the connection's event dispatch; so no thread ever blocks on
 * a write, and a session blocked in a send never holds up the connection's reading.
 */
final class TomcatWrites implements CompletionHandler<Long, TomcatWrites.Pending> {
    private final SocketWrapperBase<?> socket;
    /** Told when a write fails: the connection is gone. */
    private final Consumer<Throwable> failed;
    /** Closes the socket once the last write is done, after {@link #closeWhenDone}. */
    private final Runnable closeSocket;

    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    /** The write Tomcat is doing, or null. */
    private Pending current;
    /** A thread is starting writes, or Tomcat is doing one. */
    private boolean writing;
    private boolean closing;
    private boolean closed;

    TomcatWrites(SocketWrapperBase<?> socket, Consumer<Throwable> failed, Runnable closeSocket) {
        this.socket = socket;
        this.failed = failed;
        this.closeSocket = closeSocket;
    }

    void write(ByteBuffer[] buffers, WriteCallback done) {
        boolean refused;
        synchronized (this) {
            refused = closing || closed;
            if (!refused) {
                queue.add(new Pending(buffers, done));
                if (writing) {
                    return; // the write in progress starts this one when it completes
                }
                writing = true;
            }
        }
        if (refused) {
            done.completed(new IOException("the connection is closed"));
        } else {
            writeQueued();
        }
    }

    /**
     * Starts queued writes one after the other; stops when the queue is empty or when Tomcat
     * could not finish one at once (its completion then starts the next).
     */
    private void writeQueued() {
        while (true) {
            Pending p;
            boolean closeNow = false;
            synchronized (this) {
                p = closed ? null : queue.poll();
                current = p;
                if (p == null) {
                    writing = false;
                    closeNow = closing && !closed;
                    closed |= closeNow;
                }
            }
            if (p == null) {
                if (closeNow) {
                    closeSocket.run();
                }
                return;
            }
            CompletionState state;
            try {
                state = socket.write(BlockingMode.NON_BLOCK, -1, TimeUnit.MILLISECONDS, p,
                        SocketWrapperBase.COMPLETE_WRITE_WITH_COMPLETION, this, p.buffers);
            } catch (RuntimeException e) {
                failed(e, p);
                return;
            }
            if (state == CompletionState.NOT_DONE) {
                // Only this class writes to the socket, one write at a time: cannot happen.
                failed(new IllegalStateException("Tomcat refused a write while none was pending"), p);
                return;
            }
            synchronized (this) {
                if (!p.finished) {
                    p.resumeOnCompletion = true; // completes later, on a Tomcat thread
                    return;
                }
            }
        }
    }

    /** Tomcat wrote all of {@code p}, at once (on the writing thread) or later (on its own). */
    @Override
    public void completed(Long written, Pending p) {
        WriteCallback done;
        boolean resume;
        synchronized (this) {
            p.finished = true;
            resume = p.resumeOnCompletion;
            done = p.takeCallback();
        }
        if (done != null) {
            done.completed(null);
        }
        if (resume) {
            writeQueued();
        }
    }

    @Override
    public void failed(Throwable error, Pending p) {
        synchronized (this) {
            p.finished = true;
        }
        drop(error);
        failed.accept(error);
    }

    /** Closes the socket once the writes already queued are done. */
    void closeWhenDone() {
        boolean now;
        synchronized (this) {
            if (closing || closed) {
                return;
            }
            closing = true;
            now = !writing;
            if (now) {
                writing = true; // writeQueued closes, and no write may start meanwhile
            }
        }
        if (now) {
            writeQueued();
        }
    }

    /** Fails every write not yet done, the one Tomcat is doing included; no write starts after. */
    void drop(Throwable reason) {
        List<WriteCallback> dropped = new ArrayList<>();
        synchronized (this) {
            closed = true;
            if (current != null) {
                addIfPresent(dropped, current.takeCallback());
            }
            for (Pending p : queue) {
                addIfPresent(dropped, p.takeCallback());
            }
            queue.clear();
        }
        Throwable error = reason instanceof IOException ? reason : new IOException("the connection failed", reason);
        for (WriteCallback done : dropped) {
            done.completed(error);
        }
    }

    private static void addIfPresent(List<WriteCallback> list, WriteCallback done) {
        if (done != null) {
            list.add(done);
        }
    }

    /** Buffers handed to Tomcat or waiting, and who to tell, once. */
    static final class Pending {
        final ByteBuffer[] buffers;
        private WriteCallback done;
        /** Guarded by the owning {@link TomcatWrites}. */
        boolean finished;
        /** Guarded by the owning {@link TomcatWrites}: the completion must start the next write. */
        boolean resumeOnCompletion;

        Pending(ByteBuffer[] buffers, WriteCallback done) {
            this.buffers = buffers;
            this.done = done;
        }

        WriteCallback takeCallback() {
            WriteCallback d = done;
            done = null;
            return d;
        }
    }
}
