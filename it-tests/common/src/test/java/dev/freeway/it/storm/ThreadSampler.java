package dev.freeway.it.storm;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Samples this JVM's threads (the embedded container runs in it) until closed, and keeps the
 * most seen at once: of all threads, and of those whose name starts with a prefix. Thread counts,
 * not times, are what the storm tests assert.
 */
final class ThreadSampler implements AutoCloseable {
    private final String prefix;
    private final AtomicInteger maxNamed = new AtomicInteger();
    private final AtomicInteger maxAll = new AtomicInteger();
    private final Thread thread;
    private volatile boolean running = true;

    ThreadSampler(String prefix) {
        this.prefix = prefix;
        this.thread = new Thread(this::run, "thread-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            sample();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample() {
        Thread[] all = new Thread[Thread.activeCount() * 2 + 16];
        int n = Thread.enumerate(all);
        int named = 0;
        for (int i = 0; i < n; i++) {
            if (all[i].getName().startsWith(prefix)) {
                named++;
            }
        }
        int namedNow = named;
        maxNamed.accumulateAndGet(namedNow, Math::max);
        maxAll.accumulateAndGet(n, Math::max);
    }

    /** The most threads named with the prefix seen at once. */
    int maxNamed() {
        return maxNamed.get();
    }

    /** The most threads seen at once. */
    int maxAll() {
        return maxAll.get();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
        sample();
    }
}
