package dev.freeway.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The peers from Debian the interop tests run against. Missing locally, a test is skipped with
 * the package to install; under {@code CI=true} it fails, since CI is meant to install them.
 */
public final class Peers {
    /** Debian's websockify (0.10). */
    public static final Path WEBSOCKIFY = Path.of("/usr/bin/websockify");
    /** Node.js. */
    public static final Path NODE = Path.of("/usr/bin/node");
    /** Debian's node-ws (the {@code ws} library). */
    public static final Path NODE_MODULES = Path.of("/usr/share/nodejs");

    private Peers() {
    }

    public static void require(Path path, String aptPackage) {
        if ("true".equals(System.getenv("CI"))) {
            assertThat(path).as(path + " for the interop tests (apt-get install -y " + aptPackage + ")").exists();
        }
        assumeTrue(Files.exists(path), "no " + path + " (apt-get install -y " + aptPackage + ")");
    }
}
