package dev.freeway.distribution;

import java.nio.file.Path;

/** Where things are, from the system properties distribution-tests/pom.xml gives failsafe. */
final class Settings {
    private Settings() {
    }

    /** The repository root: the README's commands run from there. */
    static Path repository() {
        return path("freeway.dist.repository");
    }

    static Path readme() {
        return path("freeway.dist.readme");
    }

    /** Where each run gets its own directory (installation and server log). */
    static Path work() {
        return path("freeway.dist.work");
    }

    static Path path(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set: run the distribution tests"
                    + " with mvn verify (see distribution-tests/pom.xml)");
        }
        return Path.of(value).toAbsolutePath().normalize();
    }
}
