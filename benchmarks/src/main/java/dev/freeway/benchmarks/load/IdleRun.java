package dev.freeway.benchmarks.load;

import dev.freeway.benchmarks.load.client.EventLoop;
import dev.freeway.benchmarks.load.client.IdleWorkload;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Idle connections: the server's heap after full collections, its threads and its native memory
 * (the JVM's own accounting), before and with the connections open; on Freeway's servers, the
 * open sessions its meters count, which must be the connections the client holds.
 */
final class IdleRun {
    /** Handshakes in progress at once: enough to open quickly, few enough for any accept queue. */
    private static final int OPENING_AT_ONCE = 200;

    private IdleRun() {
    }

    /**
     * The open sessions Freeway's meters count (-1 on the other servers), read again for a few
     * seconds while they differ from {@code n}: sessions of the scenario before may still be closing.
     */
    private static long meteredSessions(ServerProcess server, ServerProcess.Status with, int n) throws Exception {
        long metered = with.freewaySessions();
        for (int i = 0; i < 10 && metered >= 0 && metered != n; i++) {
            Measured.sleep(0.5);
            metered = server.status().freewaySessions();
        }
        return metered;
    }

    static Result run(String name, ServerProcess server, Settings s, int round) throws Exception {
        int n = s.idleConnections();
        ServerProcess.Status before = server.status();
        long nativeBefore = server.nativeCommittedKiB();
        IdleWorkload w = new IdleWorkload();
        try (EventLoop loop = Measured.client(server)) {
            int issued = 0;
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (System.nanoTime() < deadline && w.failure() == null) {
                int open = loop.call(w::open);
                if (open == n) {
                    break;
                }
                while (issued < n && issued - open < OPENING_AT_ONCE) {
                    loop.connect("/echo", false, w);
                    issued++;
                }
                Thread.sleep(5);
            }
            int open = loop.call(w::open);
            if (open != n) {
                return Result.failed(name, server.kind(), round,
                        EchoRun.failure(w.failure(), "only " + open + " of " + n + " connections opened"));
            }
            Measured.sleep(1);
            ServerProcess.Status with = server.status();
            long nativeWith = server.nativeCommittedKiB();
            if (w.failure() != null) {
                return Result.failed(name, server.kind(), round, w.failure());
            }
            long metered = meteredSessions(server, with, n);
            if (metered >= 0 && metered != n) {
                return Result.failed(name, server.kind(), round, "Freeway's meters count " + metered
                        + " open sessions while the client holds " + n);
            }
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("connections", (double) n);
            m.put("heapPerConnKiB", (with.heapUsed() - before.heapUsed()) / 1024.0 / n);
            m.put("nativePerConnKiB", nativeBefore < 0 ? Double.NaN : (nativeWith - nativeBefore) / (double) n);
            m.put("threadsBefore", (double) before.threads());
            m.put("threadsWith", (double) with.threads());
            m.put("heapWithMiB", with.heapUsed() / 1048576.0);
            if (metered >= 0) {
                m.put("sessionsMetered", (double) metered);
            }
            return new Result(name, server.kind(), round, m, null);
        } finally {
            Measured.sleep(s.smoke() ? 0.2 : 2); // let the server drop them before the next scenario
        }
    }
}
