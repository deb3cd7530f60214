package dev.freeway.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every scenario against every server, round after round, and writes {@code RESULTS.md} and
 * {@code results.json} to the output directory. In each round the servers take turns in the same
 * order (A B C … A B C …), so drift on a shared machine hits all alike; each server gets one
 * JVM for the scenarios at the normal heap and a second at {@code -Xmx64m} for the hash.
 */
public final class LoadHarness {
    /** The same flags for every server JVM, but the heap. */
    static final List<String> JVM_FLAGS = List.of("-XX:+UseG1GC", "-XX:NativeMemoryTracking=summary",
            "-Djava.net.preferIPv4Stack=true");
    static final String NORMAL_HEAP = "-Xmx1g";
    static final String SMALL_HEAP = "-Xmx64m";

    private LoadHarness() {
    }

    public static void main(String[] args) throws Exception {
        Settings s;
        try {
            s = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        List<Result> results = run(s);
        long failed = results.stream().filter(r -> !r.ok()).count();
        System.out.println("done: " + results.size() + " results, " + failed + " failed; see " + s.output().resolve("RESULTS.md"));
    }

    /** Runs everything {@code s} asks for, writes the reports, and returns the results. */
    static List<Result> run(Settings s) throws Exception {
        List<Path> classpath = classpath(s);
        Path logs = s.output().resolve("load-logs");
        Instant start = Instant.now();
        String loadBefore = loadAverage();
        List<Result> results = new ArrayList<>();
        for (int round = 1; round <= s.rounds(); round++) {
            for (ServerKind kind : s.servers()) {
                runServer(s, kind, round, false, classpath, logs, results);
                runServer(s, kind, round, true, classpath, logs, results);
            }
        }
        Duration took = Duration.between(start, Instant.now());
        Files.createDirectories(s.output());
        Files.writeString(s.output().resolve("RESULTS.md"), Report.markdown(s, results, header(s, took, loadBefore)));
        Files.writeString(s.output().resolve("results.json"), Report.json(s, results, environment(s, took)));
        Path charts = Files.createDirectories(s.output().resolve("charts"));
        for (Map.Entry<String, String> chart : Report.charts(s, results).entrySet()) {
            Files.writeString(charts.resolve(chart.getKey()), chart.getValue());
        }
        return results;
    }

    private static void runServer(Settings s, ServerKind kind, int round, boolean smallHeap, List<Path> classpath,
                                  Path logs, List<Result> results) throws Exception {
        List<String> scenarios = s.scenarios().stream()
                .filter(n -> Scenarios.spec(n).smallHeap() == smallHeap && Scenarios.serves(kind, n)).toList();
        if (scenarios.isEmpty()) {
            return;
        }
        List<String> flags = new ArrayList<>(JVM_FLAGS);
        flags.add(smallHeap ? SMALL_HEAP : NORMAL_HEAP);
        for (String extra : s.extraServerFlags()) {
            // Profiling flags name one file per server JVM, so each run keeps its own recording.
            flags.add(extra.replace("{server}", kind.id() + (smallHeap ? "-xmx64m" : "")).replace("{round}", Integer.toString(round)));
        }
        Path log = logs.resolve(kind.id() + "-round" + round + (smallHeap ? "-xmx64m" : "") + ".log");
        ServerProcess server;
        try {
            server = ServerProcess.start(kind, flags, classpath, log);
        } catch (IOException e) {
            for (String n : scenarios) {
                results.add(Result.failed(n, kind, round, e.getMessage()));
            }
            return;
        }
        try (server) {
            for (String n : scenarios) {
                Result r;
                try {
                    r = Scenarios.run(n, server, s, round, results);
                } catch (Exception e) {
                    r = Result.failed(n, kind, round, e.toString());
                }
                System.out.println("round " + round + " " + kind.id() + " " + n + ": "
                        + (r.ok() ? r.metrics() : "FAILED " + r.failure()));
                results.add(r);
            }
        }
    }

    private static List<Path> classpath(Settings s) throws IOException {
        List<Path> cp = new ArrayList<>();
        cp.add(s.classes().toAbsolutePath());
        for (String entry : Files.readString(s.classpathFile()).trim().split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                cp.add(Path.of(entry));
            }
        }
        return cp;
    }

    private static Map<String, String> environment(Settings s, Duration took) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("date", Instant.now().toString());
        env.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        env.put("cpus", Integer.toString(Runtime.getRuntime().availableProcessors()));
        env.put("serverFlags", String.join(" ", JVM_FLAGS) + " " + NORMAL_HEAP + " (hash: " + SMALL_HEAP + ")");
        env.put("settings", s.toString());
        env.put("took", took.toString());
        return env;
    }

    /** The machine's 1-, 5- and 15-minute load averages: how busy the shared cores were. */
    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String header(Settings s, Duration took, String loadBefore) {
        return "# Load harness results\n\n"
                + (s.note().isBlank() ? "" : "**" + s.note() + "**\n\n")
                + "Written by `dev.freeway.benchmarks.load.LoadHarness` (see README.md, \"Load harness\"); raw figures in "
                + "`results.json`.\n\n"
                + "- Date: " + Instant.now() + "; took " + took.toMinutes() + " min " + took.toSecondsPart() + " s\n"
                + "- JDK: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + ", " + Runtime.getRuntime().availableProcessors() + " CPUs (shared with other builds: figures are noisy)\n"
                + "- Load average (1 / 5 / 15 min) at the start: " + loadBefore + "; at the end: " + loadAverage() + "\n"
                + "- Server JVMs: `" + String.join(" ", JVM_FLAGS) + " " + NORMAL_HEAP + "` (hash scenario: `" + SMALL_HEAP + "`)\n"
                + "- Rounds: " + s.rounds() + " (servers alternate within each round); warm-up " + s.warmupSeconds()
                + " s, measured " + s.durationSeconds() + " s per scenario\n"
                + "- Echo 64 B: " + s.smallConnections() + " connections x " + s.smallWindow() + " in flight; 64 KiB: "
                + s.kibConnections() + " x " + s.kibWindow() + "; 4 MiB: " + s.mibConnections() + " x 1; idle: "
                + s.idleConnections() + " connections; churn: " + s.churnSlots() + " at once; hash: "
                + s.hashBytes() / 1048576 + " MiB as one frame\n"
                + "- Spread is min – max over the rounds; latencies (µs) are medians over rounds of each round's "
                + "percentile; `clientCores`/`serverCores` are CPU cores used during the measurement\n";
    }
}
