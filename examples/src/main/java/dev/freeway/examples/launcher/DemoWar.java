package dev.freeway.examples.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The demo WAR the build put inside the launcher's jar (as {@value #RESOURCE}), copied out to a
 * file because both containers deploy WARs from files.
 */
public final class DemoWar {
    static final String RESOURCE = "/freeway-demo.war";

    private DemoWar() {
    }

    /** Copies the embedded WAR into {@code directory}. */
    public static Path extractTo(Path directory) throws IOException {
        try (InputStream in = DemoWar.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("the demo WAR " + RESOURCE + " is not in the class path: run the launcher from "
                        + "examples/target/freeway-demo.jar (mvn package builds it), or give --war");
            }
            Path war = directory.resolve("freeway-demo.war");
            Files.copy(in, war, StandardCopyOption.REPLACE_EXISTING);
            return war;
        }
    }
}
