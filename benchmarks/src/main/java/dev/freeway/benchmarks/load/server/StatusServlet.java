package dev.freeway.benchmarks.load.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.lang.management.ManagementFactory;

/**
 * {@code GET /status}: the heap in use after full collections, and the live threads, as
 * {@code heapUsed=<bytes> threads=<n>}. The harness reads it before and after opening idle
 * connections.
 */
public final class StatusServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        long used = heapAfterFullGc();
        int threads = ManagementFactory.getThreadMXBean().getThreadCount();
        resp.setContentType("text/plain");
        resp.getWriter().print("heapUsed=" + used + " threads=" + threads);
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
