package dev.freeway.it.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Libraries a test WAR carries in {@code WEB-INF/lib} that must stay off the test class path (where
 * the containers would see them in every application): the build copies each set's jars to a
 * directory and names it in a system property (see {@code it-tests/pom.xml}).
 */
public final class CopiedLibraries {

    /** The system property naming the directory of Micrometer's jars (micrometer-core and what it needs). */
    public static final String MICROMETER = "freeway.it.micrometer.lib";

    private CopiedLibraries() {
    }

    /**
     * Adds every jar of the directory {@code property} names to the archive's {@code WEB-INF/lib}.
     *
     * @param war the archive to complete
     * @param property the system property naming the directory
     * @return the same archive
     * @throws IllegalStateException when the build passed no directory, or an empty one
     */
    public static WebArchive addTo(WebArchive war, String property) {
        String dir = System.getProperty(property, "");
        File[] jars = dir.isBlank() || !Files.isDirectory(Path.of(dir)) ? null
                : new File(dir).listFiles((d, name) -> name.endsWith(".jar"));
        if (jars == null || jars.length == 0) {
            throw new IllegalStateException(property + " names no directory of jars (" + dir
                    + "); run the integration tests through Maven");
        }
        for (File jar : jars) {
            war.addAsLibrary(jar);
        }
        return war;
    }
}
