package dev.freeway.benchmarks.load.server;

import java.lang.management.ManagementFactory;

/**
 * The line every server answers at {@code GET /status}: the heap in use after full collections
 * and the live threads, as {@code heapUsed=<bytes> threads=<n>}. One place, so the servlet, Netty's
 * handler and the side port of the servers without HTTP routing report alike.
 */
public final class ServerStatus {
    private ServerStatus() {
    }

    /** Runs full collections first, so the figure is what is retained, not garbage. */
    public static String line() {
        long used = heapAfterFullGc();
        int threads = ManagementFactory.getThreadMXBean().getThreadCount();
        return "heapUsed=" + used + " threads=" + threads;
    }

    /** The smallest of a few readings, each after a full collection: what is really retained. */
    private static long heapAfterFullGc() {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return least;
    }
}
