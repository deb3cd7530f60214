package dev.freeway.examples.it;

import java.nio.file.Files;
import java.nio.file.Path;

/** The build's outputs the integration tests run: they exist after {@code package}. */
final class Artifacts {
    private Artifacts() {
    }

    static Path demoJar() {
        return existing("demo.jar");
    }

    static Path demoWar() {
        return existing("demo.war");
    }

    /** The {@code java} of the JDK running the tests, for the child processes. */
    static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** Where child processes write their logs, for a look after a failure. */
    static Path logDirectory() throws java.io.IOException {
        return Files.createDirectories(Path.of(System.getProperty("demo.logs", "target/it-logs")));
    }

    private static Path existing(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set: run with mvn verify");
        }
        Path p = Path.of(value);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException(p + " does not exist: run mvn package first");
        }
        return p;
    }
}
