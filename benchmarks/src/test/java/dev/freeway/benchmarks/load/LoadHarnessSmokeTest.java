package dev.freeway.benchmarks.load;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CI smoke run of the load harness: every server, every scenario it can serve, once and
 * tiny. Fails when a server cannot serve a scenario; the figures mean nothing at this size.
 * Tyrus is left out: its servlet integration echoes nothing here (see benchmarks/README.md).
 */
class LoadHarnessSmokeTest {

    @Test
    void everyServerServesEveryScenario() throws Exception {
        Settings s = Settings.parse("--smoke",
                "--servers=freeway-tomcat,tomcat,freeway-jetty,jetty,bare-tomcat",
                "--output=" + System.getProperty("load.output", "target/load-smoke"),
                "--classpath-file=" + System.getProperty("load.classpath", "target/load-classpath.txt"),
                "--classes=" + System.getProperty("load.classes", "target/classes"));
        List<Result> results = LoadHarness.run(s);

        List<String> failures = results.stream().filter(r -> !r.ok())
                .map(r -> r.server().id() + " " + r.scenario() + ": " + r.failure()).toList();
        assertTrue(failures.isEmpty(), "scenarios failed:\n" + String.join("\n", failures));
        long expected = s.servers().stream()
                .mapToLong(k -> s.scenarios().stream().filter(n -> Scenarios.serves(k, n)).count()).sum();
        assertTrue(results.size() == expected, results.size() + " results, expected " + expected);
        assertTrue(Files.readString(Path.of(s.output().toString(), "RESULTS.md")).contains("Echo of 64 B text"));
    }
}
