package dev.freeway.benchmarks.load;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CI smoke run of the load harness: every server, every scenario it can serve, once and
 * tiny. Fails when a server cannot serve a scenario; the figures mean nothing at this size.
 * Tyrus's servlet integration echoes nothing on either container here (see benchmarks/README.md):
 * it is not in that run, but a second test checks it is reported, with the exception that stops it.
 */
class LoadHarnessSmokeTest {

    @Test
    void everyServerServesEveryScenario() throws Exception {
        Settings s = smoke("--servers=freeway-tomcat,tomcat,freeway-jetty,jetty,netty,undertow,tyrus-grizzly,ceiling",
                "--output=" + System.getProperty("load.output", "target/load-smoke"));
        List<Result> results = LoadHarness.run(s);

        List<String> failures = results.stream().filter(r -> !r.ok())
                .map(r -> r.server().id() + " " + r.scenario() + ": " + r.failure()).toList();
        assertTrue(failures.isEmpty(), "scenarios failed:\n" + String.join("\n", failures));
        long expected = s.servers().stream()
                .mapToLong(k -> s.scenarios().stream().filter(n -> Scenarios.serves(k, n)).count()).sum();
        assertTrue(results.size() == expected, results.size() + " results, expected " + expected);
        String report = Files.readString(Path.of(s.output().toString(), "RESULTS.md"));
        assertTrue(report.contains("Echo of 64 B text") && report.contains("n/a: the ceiling speaks no extension"), report);
        for (String scenario : s.scenarios()) {
            String chart = Files.readString(Path.of(s.output().toString(), "charts", scenario + ".svg"));
            assertTrue(chart.startsWith("<svg") && chart.contains("Freeway on Jetty 12.1"), scenario + ": " + chart);
        }
    }

    @Test
    void tyrusIsMeasuredOrReportedWithWhatStopsIt() throws Exception {
        Settings s = smoke("--servers=tyrus-tomcat,tyrus-jetty", "--scenarios=echo-64",
                "--output=" + System.getProperty("load.output", "target/load-smoke") + "-tyrus");
        List<Result> results = LoadHarness.run(s);

        assertEquals(2, results.size(), results.toString());
        for (Result r : results) {
            assertTrue(r.ok() || r.failure().matches(".*\\b\\w+(Exception|Error): .+ at .+\\(\\w+\\.java:\\d+\\).*"),
                    r.server().id() + " failed without naming the exception: " + r.failure());
        }
        String report = Files.readString(Path.of(s.output().toString(), "RESULTS.md"));
        assertTrue(report.contains("Tyrus 2.2 on Tomcat 11") && report.contains("Tyrus 2.2 on Jetty 12.1"), report);
    }

    private static Settings smoke(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add(0, "--smoke");
        all.add("--classpath-file=" + System.getProperty("load.classpath", "target/load-classpath.txt"));
        all.add("--classes=" + System.getProperty("load.classes", "target/classes"));
        return Settings.parse(all.toArray(String[]::new));
    }
}
