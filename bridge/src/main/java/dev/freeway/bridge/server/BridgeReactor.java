package dev.freeway.bridge.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of one bridge: a single selector thread that does every TCP read, connect and
 * queued write of all its connections (non-blocking NIO: a connection waiting for its peer holds
 * no thread), and a small bounded pool for the two chores that may block, resolving a host name
 * and closing a WebSocket (a close frame waits for room in the session's outbound queue).
 *
 * <p>The selector also sweeps deadlines (connect and idle timeouts) four times a second:
 * timestamps on the connections, no timer task per connection.
 */
final class BridgeReactor implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(BridgeReactor.class.getName());
    private static final long SWEEP_MILLIS = 250;
    private static final int CHORE_THREADS = 4;

    private final Selector selector;
    private final Thread thread;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    /** Every connection from its start to its socket's close, whatever its state (resolving included). */
    private final Set<BridgeConnection> live = ConcurrentHashMap.newKeySet();
    private final ThreadPoolExecutor chores;
    private volatile boolean running = true;

    BridgeReactor(String name) {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector for the bridge " + name, e);
        }
        AtomicInteger n = new AtomicInteger();
        // The queue holds at most one chore per live connection at a time (its connect or its
        // close), so it is bounded by maxConnections.
        chores = new ThreadPoolExecutor(CHORE_THREADS, CHORE_THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> daemon(r, name + "-chore-" + n.incrementAndGet()));
        chores.allowCoreThreadTimeOut(true);
        thread = daemon(this::loop, name + "-selector");
        thread.start();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    Selector selector() {
        return selector;
    }

    void started(BridgeConnection connection) {
        live.add(connection);
    }

    void ended(BridgeConnection connection) {
        live.remove(connection);
    }

    /** Runs {@code task} on the selector thread. */
    void execute(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    /** Runs a chore that may block (name resolution, a WebSocket close) off the selector thread. */
    void chore(Runnable task) {
        chores.execute(task);
    }

    boolean inSelectorThread() {
        return Thread.currentThread() == thread;
    }

    private void loop() {
        long nextSweep = System.nanoTime();
        while (running) {
            try {
                selector.select(SWEEP_MILLIS);
                for (Runnable task; (task = tasks.poll()) != null; ) {
                    task.run();
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    ((BridgeConnection) key.attachment()).onReady(key);
                }
                selector.selectedKeys().clear();
                long now = System.nanoTime();
                if (now - nextSweep >= 0) {
                    nextSweep = now + TimeUnit.MILLISECONDS.toNanos(SWEEP_MILLIS);
                    for (BridgeConnection connection : live) {
                        connection.sweep(now);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // One connection's failure is handled by that connection; reaching here is a bug
                // or a broken selector: log it and keep serving the others.
                LOG.log(System.Logger.Level.ERROR, "bridge selector loop", e);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (BridgeConnection connection : live) {
            connection.shutdown();
        }
        chores.shutdown(); // the closes just queued still run
        try {
            selector.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the bridge selector", e);
        }
    }
}
