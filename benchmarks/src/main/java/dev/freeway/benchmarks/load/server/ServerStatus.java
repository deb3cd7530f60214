package dev.freeway.benchmarks.load.server;

import java.lang.management.ManagementFactory;
import java.util.Set;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The line every server answers at {@code GET /status}: the heap in use after full collections
 * and the live threads, as {@code heapUsed=<bytes> threads=<n>}, and on the Freeway servers the
 * open sessions its meters count ({@code freewaySessions=<n>}, from its JMX MXBeans). One place,
 * so the servlet, Netty's handler and the side port of the servers without HTTP routing report
 * alike.
 */
public final class ServerStatus {
    private ServerStatus() {
    }

    /** Runs full collections first, so the figure is what is retained, not garbage. */
    public static String line() {
        long used = heapAfterFullGc();
        int threads = ManagementFactory.getThreadMXBean().getThreadCount();
        return "heapUsed=" + used + " threads=" + threads + freewaySessions();
    }

    /**
     * The open sessions Freeway's meters count, summed over its web applications' MXBeans; nothing
     * where no Freeway runs (the peers), so the harness can tell the two apart.
     */
    private static String freewaySessions() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            Set<ObjectName> names = server.queryNames(new ObjectName("dev.freeway:type=WebSocket,*"), null);
            if (names.isEmpty()) {
                return "";
            }
            long sessions = 0;
            for (ObjectName name : names) {
                sessions += (Long) server.getAttribute(name, "OpenSessions");
            }
            return " freewaySessions=" + sessions;
        } catch (JMException e) {
            throw new IllegalStateException("cannot read Freeway's meters", e);
        }
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
