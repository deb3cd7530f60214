package dev.freeway.benchmarks.load;

import dev.freeway.benchmarks.load.client.ClientFrames;
import dev.freeway.benchmarks.load.client.EchoWorkload;
import dev.freeway.benchmarks.load.client.EventLoop;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** The echo scenarios: throughput and latency with a fixed window of messages per connection. */
final class EchoRun {
    private EchoRun() {
    }

    static Result text(String name, ServerProcess server, Settings s, int round, int size, boolean deflate,
                       int connections, int window) throws Exception {
        byte[] text = "x".repeat(size).getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < text.length; i++) {
            text[i] = (byte) ('a' + i % 26);
        }
        ByteBuffer frame = deflate
                ? ClientFrames.frame(ClientFrames.TEXT, ClientFrames.deflate(text), true)
                : ClientFrames.frame(ClientFrames.TEXT, text, false);
        return run(name, server, s, round, "/echo", frame, deflate ? -1 : size, deflate, connections, window);
    }

    static Result binary(String name, ServerProcess server, Settings s, int round, int size, int connections,
                         int window) throws Exception {
        String path = size > 64 * 1024 ? "/echo-large" : "/echo";
        byte[] payload = new byte[size];
        new Random(size).nextBytes(payload);
        return run(name, server, s, round, path, ClientFrames.frame(ClientFrames.BINARY, payload, false), size,
                false, connections, window);
    }

    private static Result run(String name, ServerProcess server, Settings s, int round, String path, ByteBuffer frame,
                              long expected, boolean deflate, int connections, int window) throws Exception {
        EchoWorkload w = new EchoWorkload(frame, window, expected, deflate);
        try (EventLoop loop = Measured.client(server)) {
            for (int i = 0; i < connections; i++) {
                loop.connect(path, deflate, w);
            }
            if (!Measured.await(loop, w, () -> w.open() == connections, 60)) {
                return Result.failed(name, server.kind(), round, failure(w.failure(), "connections did not open"));
            }
            Measured.Cpu cpu = Measured.warmUpThenMeasure(loop, server, s, w::startMeasuring);
            EchoWorkload.Counts c = loop.call(w::stop);
            long end = System.nanoTime();
            if (w.failure() != null) {
                return Result.failed(name, server.kind(), round, w.failure());
            }
            if (c.messages() == 0) {
                return Result.failed(name, server.kind(), round, "no echo came back while measuring");
            }
            double seconds = (end - cpu.wallStartNanos()) / 1e9;
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("msgPerSec", c.messages() / seconds);
            m.put("MBps", c.messages() * (double) Math.max(expected, 0) / seconds / 1e6);
            m.put("p50us", c.latencyNanos().getValueAtPercentile(50) / 1e3);
            m.put("p99us", c.latencyNanos().getValueAtPercentile(99) / 1e3);
            m.put("p999us", c.latencyNanos().getValueAtPercentile(99.9) / 1e3);
            m.put("serverCores", cpu.serverCores(server, end));
            m.put("clientCores", cpu.clientCores(loop, end));
            return new Result(name, server.kind(), round, m, null);
        }
    }

    static String failure(String failure, String otherwise) {
        return failure != null ? failure : otherwise;
    }
}
