package dev.freeway.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The one thread that does a client container's socket I/O: a {@link Selector} over every
 * connection of the container and a queue of tasks other threads post to it. (Timeouts are
 * waited for by the connecting thread, which then posts an abort: the loop needs no timers.)
 *
 * <p>Everything that touches a channel, an {@code SSLEngine} or a {@link LoopBufferPool} runs here,
 * so none of that state needs locks. Nothing here may block or run user code: listeners and write
 * callbacks are handed to the container's executor by the transport. The thread is a daemon, so
 * a container nobody closed does not keep the JVM alive.
 */
final class SelectorLoop implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SelectorLoop.class.getName());

    /** What a registered channel's attachment does when the selector finds it ready. */
    interface Handler {
        /** The channel is ready for some of its interest set. */
        void ready(SelectionKey key) throws IOException;

        /** {@link #ready} threw: the connection is broken. */
        void failed(Throwable error);
    }

    private final Selector selector;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private volatile boolean running = true;
    private final Object stopLock = new Object();
    /** Set, under {@link #stopLock}, once the loop has closed every channel. */
    private boolean stopped;

    SelectorLoop(String threadName) {
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether the caller is the loop thread. */
    boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /**
     * Runs {@code task} on the loop thread, soon; from the loop thread itself, after the current
     * work. Once the loop has stopped, runs it on the caller (one at a time): every connection is
     * closed by then, so the task only fails writes and reports the end, which must not be lost.
     */
    void execute(Runnable task) {
        synchronized (stopLock) {
            if (!stopped) {
                tasks.add(task);
                if (!inLoop()) {
                    selector.wakeup();
                }
                return;
            }
            runQuietly(task);
        }
    }

    /** Registers {@code channel}; loop thread only. */
    SelectionKey register(SelectableChannel channel, int ops, Handler handler) throws IOException {
        return channel.register(selector, ops, handler);
    }

    private void run() {
        while (running) {
            try {
                runTasks();
                if (tasks.isEmpty()) {
                    selector.select();
                } else {
                    selector.selectNow();
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    dispatch(key);
                }
                selector.selectedKeys().clear();
            } catch (ClosedSelectorException e) {
                return;
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "selector loop error", e);
            }
        }
        closeAll();
    }

    private void dispatch(SelectionKey key) {
        Handler h = (Handler) key.attachment();
        try {
            if (key.isValid()) {
                h.ready(key);
            }
        } catch (VirtualMachineError fatal) {
            throw fatal; // out of memory or stack: nothing here can recover
        } catch (Throwable t) {
            h.failed(t);
        }
    }

    private void runTasks() {
        Runnable r;
        while ((r = tasks.poll()) != null) {
            runQuietly(r);
        }
    }

    private static void runQuietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "selector task failed", e);
        }
    }

    private void closeAll() {
        runTasks(); // closes and aborts posted before the stop
        for (SelectionKey key : selector.keys()) {
            try {
                ((Handler) key.attachment()).failed(new IOException("the client container was closed"));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "failing a connection on shutdown", e);
            }
            try {
                key.channel().close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "closing a channel on shutdown", e);
            }
        }
        try {
            selector.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the selector", e);
        }
        synchronized (stopLock) {
            stopped = true;
            runTasks(); // posted before the stop: their connections are closed, so they only fail and report
        }
    }

    /** Stops the thread, failing every connection still registered. */
    @Override
    public void close() {
        running = false;
        selector.wakeup();
        if (!inLoop()) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
