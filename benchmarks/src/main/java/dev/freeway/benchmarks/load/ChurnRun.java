package dev.freeway.benchmarks.load;

import dev.freeway.benchmarks.load.client.ChurnWorkload;
import dev.freeway.benchmarks.load.client.EventLoop;

import java.util.LinkedHashMap;
import java.util.Map;

/** Connection churn: opens and closes (with the close handshake) per second. */
final class ChurnRun {
    private ChurnRun() {
    }

    static Result run(String name, ServerProcess server, Settings s, int round) throws Exception {
        try (EventLoop loop = Measured.client(server)) {
            ChurnWorkload w = new ChurnWorkload(loop, "/echo");
            for (int i = 0; i < s.churnSlots(); i++) {
                loop.connect("/echo", false, w);
            }
            Measured.Cpu cpu = Measured.warmUpThenMeasure(loop, server, s, w::startMeasuring);
            long cycles = loop.call(w::stop);
            long end = System.nanoTime();
            if (w.failure() != null) {
                return Result.failed(name, server.kind(), round, w.failure());
            }
            if (cycles == 0) {
                return Result.failed(name, server.kind(), round, "no connection was opened and closed while measuring");
            }
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("cyclesPerSec", cycles / ((end - cpu.wallStartNanos()) / 1e9));
            m.put("serverCores", cpu.serverCores(server, end));
            m.put("clientCores", cpu.clientCores(loop, end));
            return new Result(name, server.kind(), round, m, null);
        }
    }
}
