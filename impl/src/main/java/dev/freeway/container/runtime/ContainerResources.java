package dev.freeway.container.runtime;

import jakarta.websocket.CloseReason;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads a container shares among all its sessions: a bounded pool of workers for work
 * that must not run on a transport thread (stream handlers, completion handlers) and one timer
 * thread that sweeps idle and closing sessions. Nothing is per connection, and no worker waits
 * for a peer (sends that cannot proceed queue in their session), so the bound holds under slow
 * peers; when even the pool's queue is full the executor refuses work rather than grow.
 */
public final class ContainerResources implements AutoCloseable {
    private final ExecutorService executor;
    private final ScheduledExecutorService scheduler;
    private final SessionSweeper sweeper;
    /** Virtual workers alive, each running its one task (unused with the platform pool). */
    private final AtomicInteger virtualThreadsAlive = new AtomicInteger();

    /** Resources whose threads are named after {@code name}, with the standard worker pool. */
    public ContainerResources(String name) {
        this(name, WorkerSettings.standard());
    }

    /** Resources whose threads are named after {@code name}, with a worker pool of {@code workers}. */
    public ContainerResources(String name, WorkerSettings workers) {
        if (workers.managed() != null) {
            this.executor = new BorrowedExecutor(workers.managed());
        } else if (workers.virtualThreads()) {
            this.executor = VirtualThreads.executor(name + "-worker", virtualThreadsAlive)
                    .orElseGet(() -> platformInstead(name, workers));
        } else {
            this.executor = WorkerPool.create(workers, daemon(name + "-worker"));
        }
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, daemon(name + "-timer"));
        timer.setRemoveOnCancelPolicy(true);
        this.scheduler = timer;
        this.sweeper = new SessionSweeper(scheduler);
    }

    /**
     * The shared executor; transports hand their listener calls and write completions to it (the
     * client's selector thread never runs handlers itself).
     */
    public ExecutorService executor() {
        return executor;
    }

    /**
     * Worker threads running a task now: the pool's busy threads, the virtual threads alive (one
     * per task), or this container's tasks on a managed executor. Counted when asked, so the meter
     * costs the pool's tasks nothing.
     */
    public int workerThreadsActive() {
        if (executor instanceof ThreadPoolExecutor) {
            return ((ThreadPoolExecutor) executor).getActiveCount();
        }
        return executor instanceof BorrowedExecutor ? ((BorrowedExecutor) executor).running() : virtualThreadsAlive.get();
    }

    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    public SessionSweeper sweeper() {
        return sweeper;
    }

    /**
     * Whether the connection of every session opened with these resources has ended. A session
     * that started its close has told its endpoint already, yet its connection lasts until the
     * peer answers or the close timeout: a container closing down waits for this, not for its
     * open sessions, before it stops the threads and the transports.
     */
    public boolean connectionsEnded() {
        return sweeper.isEmpty();
    }

    /**
     * Ends every connection (see {@link Drain}: 1001 to all at once, the peers' answers awaited
     * until the timeout, the rest dropped), runs {@code beforeThreadsStop} (a transport's own
     * loop, say), then stops the threads with whatever time is left: the whole takes about
     * {@code timeoutMillis}, whatever the close timeout and whatever the application's callbacks do.
     */
    public void shutdown(CloseReason reason, long timeoutMillis, Runnable beforeThreadsStop) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        try {
            Drain.run(sweeper, executor, reason, deadline);
            beforeThreadsStop.run();
        } finally {
            stopThreads(Math.max(0, deadline - System.nanoTime()));
        }
    }

    /** Stops the threads (after the sessions are closed), giving running work up to 5 s. */
    @Override
    public void close() {
        stopThreads(TimeUnit.SECONDS.toNanos(5));
    }

    private void stopThreads(long graceNanos) {
        sweeper.stop();
        scheduler.shutdownNow();
        executor.shutdown();
        try {
            executor.awaitTermination(graceNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor.shutdownNow();
    }

    private static ExecutorService platformInstead(String name, WorkerSettings workers) {
        System.getLogger(ContainerResources.class.getName()).log(System.Logger.Level.INFO, "virtual threads need Java 21"
                + " or later (this is Java {0}): {1} uses a pool of at most {2} platform threads", Runtime.version().feature(),
                name, workers.maxThreads());
        return WorkerPool.create(workers, daemon(name + "-worker"));
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
