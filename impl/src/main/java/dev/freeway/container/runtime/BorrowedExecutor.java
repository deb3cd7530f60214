package dev.freeway.container.runtime;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * An executor the platform owns (a Jakarta Concurrency {@code ManagedExecutorService} found by
 * JNDI), lent to one container: the container counts its tasks running (the worker meter) and, when
 * it shuts down, stops handing it work and waits for its own tasks, but never shuts the platform's
 * executor down, which a managed executor forbids and other applications still use.
 */
final class BorrowedExecutor extends AbstractExecutorService {
    private final Executor owner;
    private final Object lock = new Object();
    private int running;
    private boolean shutdown;

    BorrowedExecutor(Executor owner) {
        this.owner = owner;
    }

    /** This container's tasks submitted and not yet finished. */
    int running() {
        synchronized (lock) {
            return running;
        }
    }

    @Override
    public void execute(Runnable task) {
        synchronized (lock) {
            if (shutdown) {
                throw new RejectedExecutionException("the WebSocket container is shut down");
            }
            running++;
        }
        try {
            owner.execute(() -> {
                try {
                    task.run();
                } finally {
                    finished();
                }
            });
        } catch (RuntimeException refused) {
            finished();
            throw refused;
        }
    }

    private void finished() {
        synchronized (lock) {
            running--;
            lock.notifyAll();
        }
    }

    @Override
    public void shutdown() {
        synchronized (lock) {
            shutdown = true;
            lock.notifyAll();
        }
    }

    /** Stops taking work; tasks already handed over run to their end, as the owner decides. */
    @Override
    public List<Runnable> shutdownNow() {
        shutdown();
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        synchronized (lock) {
            return shutdown;
        }
    }

    @Override
    public boolean isTerminated() {
        synchronized (lock) {
            return shutdown && running == 0;
        }
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (lock) {
            while (!(shutdown && running == 0)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return true;
        }
    }
}
