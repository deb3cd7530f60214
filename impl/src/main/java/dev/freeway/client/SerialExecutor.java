package dev.freeway.client;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs tasks one at a time, in submission order, on a shared executor: per-connection order
 * without a thread per connection. A connection has two, one for what it reads and one for write
 * completions, so that a handler blocked in a send never holds back the completion it waits for.
 */
final class SerialExecutor implements Executor {
    private static final System.Logger LOG = System.getLogger(SerialExecutor.class.getName());

    private final Executor shared;
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private boolean running;

    SerialExecutor(Executor shared) {
        this.shared = shared;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (queue) {
            queue.add(task);
            if (running) {
                return;
            }
            running = true;
        }
        try {
            shared.execute(this::drain);
        } catch (RejectedExecutionException e) {
            // The container is shutting down: run what is queued here rather than lose callbacks.
            LOG.log(System.Logger.Level.DEBUG, "executor rejected a task; running it on the caller", e);
            drain();
        }
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (queue) {
                next = queue.poll();
                if (next == null) {
                    running = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException | Error e) {
                LOG.log(System.Logger.Level.ERROR, "a connection task failed", e);
            }
        }
    }
}
