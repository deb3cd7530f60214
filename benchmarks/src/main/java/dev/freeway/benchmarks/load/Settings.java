package dev.freeway.benchmarks.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a harness run does, from {@code --name=value} arguments; {@code --smoke} starts from the
 * tiny values of the CI smoke run instead of the full ones.
 */
record Settings(List<ServerKind> servers, List<String> scenarios, int rounds, double warmupSeconds,
                double durationSeconds, int smallConnections, int smallWindow, int kibConnections, int kibWindow,
                int mibConnections, int idleConnections, long hashBytes, double hashTimeoutSeconds,
                int churnSlots, Path output, Path classpathFile, Path classes, boolean smoke,
                List<String> extraServerFlags, String note) {

    static final String USAGE = """
            usage: LoadHarness [--smoke] [--servers=freeway-tomcat,tomcat,...] [--scenarios=echo-64,...]
                               [--rounds=N] [--warmup=S] [--duration=S] [--connections=N] [--window=N]
                               [--idle=N] [--hash-mib=N] [--churn-slots=N] [--output=DIR]
                               [--classpath-file=FILE] [--classes=DIR] [--server-flags="F1 F2 ..."]
                               [--note="what RESULTS.md should say about this run's conditions"]
              --server-flags: added to every server JVM, for profiling (e.g. -XX:StartFlightRecording=...);
                              {server} and {round} in a flag become the server's id and the round
              scenarios: echo-64 latency-64 echo-64k echo-4m deflate-64 idle churn hash (latency-64 needs echo-64)""";

    static Settings parse(String... args) {
        Map<String, String> a = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unknown argument '" + arg + "'\n" + USAGE);
            }
            int eq = arg.indexOf('=');
            a.put(eq < 0 ? arg.substring(2) : arg.substring(2, eq), eq < 0 ? "true" : arg.substring(eq + 1));
        }
        boolean smoke = Boolean.parseBoolean(a.getOrDefault("smoke", "false"));
        List<ServerKind> servers = new ArrayList<>();
        for (String s : a.getOrDefault("servers", ServerKind.ids()).split(",")) {
            servers.add(ServerKind.byId(s));
        }
        List<String> scenarios = List.of(a.getOrDefault("scenarios", String.join(",", Scenarios.ALL)).split(","));
        for (String s : scenarios) {
            if (!Scenarios.ALL.contains(s)) {
                throw new IllegalArgumentException("no scenario '" + s + "'\n" + USAGE);
            }
        }
        return new Settings(servers, scenarios,
                integer(a, "rounds", smoke ? 1 : 3),
                number(a, "warmup", smoke ? 0.2 : 2),
                number(a, "duration", smoke ? 0.5 : 4),
                integer(a, "connections", smoke ? 4 : 100),
                integer(a, "window", 2),
                integer(a, "kib-connections", smoke ? 2 : 16),
                integer(a, "kib-window", 2),
                integer(a, "mib-connections", smoke ? 1 : 4),
                integer(a, "idle", smoke ? 20 : 10_000),
                (long) integer(a, "hash-mib", smoke ? 8 : 1024) * 1024 * 1024,
                number(a, "hash-timeout", smoke ? 60 : 120),
                integer(a, "churn-slots", smoke ? 2 : 32),
                Path.of(a.getOrDefault("output", smoke ? "target/load-smoke" : ".")),
                Path.of(a.getOrDefault("classpath-file", "target/load-classpath.txt")),
                Path.of(a.getOrDefault("classes", "target/classes")),
                smoke,
                a.containsKey("server-flags") ? List.of(a.get("server-flags").trim().split("\\s+")) : List.of(),
                a.getOrDefault("note", ""));
    }

    private static int integer(Map<String, String> a, String name, int fallback) {
        return a.containsKey(name) ? Integer.parseInt(a.get(name)) : fallback;
    }

    private static double number(Map<String, String> a, String name, double fallback) {
        return a.containsKey(name) ? Double.parseDouble(a.get(name)) : fallback;
    }
}
