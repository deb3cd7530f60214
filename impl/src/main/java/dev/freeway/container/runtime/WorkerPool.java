package dev.freeway.container.runtime;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The bounded worker pool: up to {@link WorkerSettings#maxThreads()} threads, started as tasks
 * come, and beyond them at most {@link WorkerSettings#maxQueuedTasks()} tasks waiting; more work is
 * refused. Idle workers end after a minute, so an idle container keeps none.
 *
 * <p>A task only waits in the queue once every thread is started. A pool that queued while some
 * threads were idle (to start fewer) could queue a task just as its idle worker timed out, behind
 * workers that may all be blocked on that very task (a stream handler waiting for the read the
 * task would do); with the threads started first, nothing below the bound ever waits.
 */
final class WorkerPool {
    private WorkerPool() {
    }

    static ThreadPoolExecutor create(WorkerSettings settings, ThreadFactory threads) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(settings.maxThreads(), settings.maxThreads(), 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(settings.maxQueuedTasks()), threads);
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
