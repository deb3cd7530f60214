package dev.freeway.benchmarks.load;

import dev.freeway.benchmarks.load.client.ClientFrames;
import dev.freeway.benchmarks.load.client.EchoWorkload;
import dev.freeway.benchmarks.load.client.EventLoop;
import dev.freeway.benchmarks.load.client.PacedEchoWorkload;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Latency at equal work: the 64 B echo offered at a fixed share of the rate this server itself
 * reached in {@code echo-64} of the same round (same JVM, just before), open-loop, so servers are
 * compared at the same load relative to their own capacity and not only at saturation.
 */
final class PacedRun {
    /** The offered rate, as a share of the server's own {@code echo-64} figure. */
    static final double SHARE_OF_PEAK = 0.5;
    /** How often the pacing thread lets due messages out. */
    private static final long TICK_NANOS = 200_000;

    private PacedRun() {
    }

    static Result run(String name, ServerProcess server, Settings s, int round, List<Result> earlier) throws Exception {
        Double peak = earlier.stream()
                .filter(r -> r.ok() && r.scenario().equals("echo-64") && r.server() == server.kind() && r.round() == round)
                .map(r -> r.metrics().get("msgPerSec")).findFirst().orElse(null);
        if (peak == null) {
            return Result.failed(name, server.kind(), round, "needs this server's echo-64 figure of the same round");
        }
        byte[] text = new byte[64];
        for (int i = 0; i < text.length; i++) {
            text[i] = (byte) ('a' + i % 26);
        }
        double rate = peak * SHARE_OF_PEAK;
        PacedEchoWorkload w = new PacedEchoWorkload(ClientFrames.frame(ClientFrames.TEXT, text, false), text.length, rate);
        int connections = s.smallConnections();
        try (EventLoop loop = Measured.client(server)) {
            for (int i = 0; i < connections; i++) {
                loop.connect("/echo", false, w);
            }
            if (!Measured.await(loop, w, () -> w.open() == connections, 60)) {
                return Result.failed(name, server.kind(), round, EchoRun.failure(w.failure(), "connections did not open"));
            }
            Pacer pacer = new Pacer(loop, w);
            pacer.start();
            try {
                Measured.Cpu cpu = Measured.warmUpThenMeasure(loop, server, s, w::startMeasuring);
                loop.call(() -> {
                    w.endMeasuring();
                    return null;
                });
                long end = System.nanoTime();
                double serverCores = cpu.serverCores(server, end);
                double clientCores = cpu.clientCores(loop, end);
                // Echoes of messages due in the window still on their way are counted, then it stops.
                Measured.sleep(Math.min(1, s.durationSeconds()));
                EchoWorkload.Counts c = loop.call(w::stop);
                if (w.failure() != null) {
                    return Result.failed(name, server.kind(), round, w.failure());
                }
                if (c.messages() == 0) {
                    return Result.failed(name, server.kind(), round, "no echo came back while measuring");
                }
                Map<String, Double> m = new LinkedHashMap<>();
                m.put("p99us", c.latencyNanos().getValueAtPercentile(99) / 1e3);
                m.put("offeredPerSec", rate);
                m.put("answeredPerSec", c.messages() / ((end - cpu.wallStartNanos()) / 1e9));
                m.put("p50us", c.latencyNanos().getValueAtPercentile(50) / 1e3);
                m.put("p999us", c.latencyNanos().getValueAtPercentile(99.9) / 1e3);
                m.put("serverCores", serverCores);
                m.put("clientCores", clientCores);
                return new Result(name, server.kind(), round, m, null);
            } finally {
                pacer.interrupt();
                pacer.join();
            }
        }
    }

    /** Lets due messages out every {@link #TICK_NANOS} through the loop's thread. */
    private static final class Pacer extends Thread {
        private final EventLoop loop;
        private final PacedEchoWorkload w;

        Pacer(EventLoop loop, PacedEchoWorkload w) {
            super("pacer");
            setDaemon(true);
            this.loop = loop;
            this.w = w;
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                loop.execute(() -> w.tick(System.nanoTime()));
                LockSupport.parkNanos(TICK_NANOS);
            }
        }
    }
}
