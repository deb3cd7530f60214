package dev.freeway.container.runtime;

import java.util.concurrent.Executor;

/**
 * The size of a container's worker pool, the threads that run what must not run on a transport
 * thread (endpoint callbacks, completion handlers, stream handlers). Both bounds hold whatever
 * peers do: a slow or silent peer never holds a worker, so the pool only has to be large enough
 * for the application's own blocking (blocking sends, stream handlers reading a message).
 *
 * @param maxThreads     the most worker threads alive at once; idle ones end after a minute
 * @param maxQueuedTasks the most tasks waiting for a worker; beyond it the executor refuses work
 *                       (a transport then drops its connection rather than grow without bound)
 * @param virtualThreads a virtual thread per task instead of the pool, on Java 21 and later (both
 *                       bounds then go unused); on Java 17 the pool serves, with a start-up INFO
 * @param managed        an executor the platform owns and bounds (a Jakarta Concurrency
 *                       {@code ManagedExecutorService}), used instead of the pool and never shut
 *                       down by Freeway; {@code null} for Freeway's own threads
 */
public record WorkerSettings(int maxThreads, int maxQueuedTasks, boolean virtualThreads, Executor managed) {
    /** The most threads a container may be given: far beyond any use, before the OS refuses. */
    public static final int MAX_THREADS = 10_000;

    public WorkerSettings {
        if (maxThreads < 1 || maxThreads > MAX_THREADS) {
            throw new IllegalArgumentException("maxThreads must be from 1 to " + MAX_THREADS + ", was " + maxThreads);
        }
        if (maxQueuedTasks < 1) {
            throw new IllegalArgumentException("maxQueuedTasks must be positive, was " + maxQueuedTasks);
        }
    }

    /**
     * Platform threads: sixteen a core, at least 64 (the work is short but may block in
     * application code), and 65,536 queued tasks.
     */
    public static WorkerSettings standard() {
        return new WorkerSettings(defaultThreads(Runtime.getRuntime().availableProcessors()), 65_536, false, null);
    }

    /** The default thread bound for {@code cores} cores. */
    static int defaultThreads(int cores) {
        return Math.min(MAX_THREADS, Math.max(64, 16 * cores));
    }

    public WorkerSettings withMaxThreads(int threads) {
        return new WorkerSettings(threads, maxQueuedTasks, virtualThreads, managed);
    }

    public WorkerSettings withMaxQueuedTasks(int tasks) {
        return new WorkerSettings(maxThreads, tasks, virtualThreads, managed);
    }

    public WorkerSettings withVirtualThreads(boolean virtual) {
        return new WorkerSettings(maxThreads, maxQueuedTasks, virtual, managed);
    }

    /** Runs the container's work on {@code executor}, which the platform owns (see {@link #managed()}). */
    public WorkerSettings withManagedExecutor(Executor executor) {
        return new WorkerSettings(maxThreads, maxQueuedTasks, virtualThreads, executor);
    }
}
