package dev.freeway.container;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The bounded worker pool: an idle worker takes a task first, a new thread is started only when
 * every worker is busy, up to {@link WorkerSettings#maxThreads()}, and beyond that tasks wait in
 * a queue of at most {@link WorkerSettings#maxQueuedTasks()}. A plain {@link ThreadPoolExecutor}
 * does either the first two (unbounded threads) or the last (a fixed pool that starts a thread
 * for every task until it is full, however many are idle), so the queue says no to a task while
 * a thread may still be added, as Tomcat's {@code TaskQueue} does. Idle workers end after a minute.
 */
final class WorkerPool {
    private WorkerPool() {
    }

    static ThreadPoolExecutor create(WorkerSettings settings, ThreadFactory threads) {
        WorkQueue queue = new WorkQueue(settings.maxQueuedTasks());
        ThreadPoolExecutor pool = new ThreadPoolExecutor(0, settings.maxThreads(), 60, TimeUnit.SECONDS, queue, threads,
                (task, executor) -> {
                    // every thread is started: the task waits, if there is room
                    if (executor.isShutdown() || !queue.force(task)) {
                        throw new RejectedExecutionException("the worker pool is full: " + settings.maxThreads()
                                + " threads busy and " + settings.maxQueuedTasks() + " tasks waiting");
                    }
                });
        queue.pool = pool;
        return pool;
    }

    /** Takes a task only when an idle worker will run it or no thread may be added. */
    private static final class WorkQueue extends LinkedBlockingQueue<Runnable> {
        private static final long serialVersionUID = 1L;
        private transient volatile ThreadPoolExecutor pool;

        WorkQueue(int capacity) {
            super(capacity);
        }

        @Override
        public boolean offer(Runnable task) {
            ThreadPoolExecutor p = pool;
            if (p != null && p.getPoolSize() < p.getMaximumPoolSize() && p.getActiveCount() >= p.getPoolSize()) {
                return false; // all busy and room for another thread: the executor starts one
            }
            return super.offer(task);
        }

        boolean force(Runnable task) {
            return super.offer(task);
        }
    }
}
