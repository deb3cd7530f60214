package dev.freeway.it.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Freeway's own jars, as the reactor built them, for a test WAR's {@code WEB-INF/lib}.
 *
 * <p>The build passes one system property per Freeway module, {@code freeway.it.lib.<module>}, set by
 * maven-dependency-plugin's {@code properties} goal to the module's artifact file. In {@code mvn
 * verify} that is the packaged jar; in {@code mvn test} the reactor has not packaged anything and
 * hands out the module's {@code target/classes} instead, which is imported as a jar. Either way the
 * tests see the code of this build, never a stale jar from the local repository.
 */
public final class FreewayLibraries {

    /** Prefix of the system properties that name Freeway's jars, e.g. {@code freeway.it.lib.impl}. */
    public static final String PROPERTY_PREFIX = "freeway.it.lib.";

    private FreewayLibraries() {
    }

    /**
     * Adds every Freeway module the build passed to the archive's {@code WEB-INF/lib}.
     *
     * @param war the archive to complete
     * @return the same archive
     * @throws IllegalStateException when the build passed no Freeway module, or a missing file
     */
    public static WebArchive addTo(WebArchive war) {
        for (Map.Entry<String, Path> module : modules().entrySet()) {
            Path location = module.getValue();
            if (Files.isDirectory(location)) {
                war.addAsLibrary(ShrinkWrap.create(ExplodedImporter.class, "freeway-" + module.getKey() + ".jar")
                        .importDirectory(location.toFile())
                        .as(JavaArchive.class));
            } else {
                war.addAsLibrary(location.toFile());
            }
        }
        return war;
    }

    /**
     * Returns the Freeway modules the build passed, by module name (e.g. {@code impl}).
     *
     * @return module name to jar file or classes directory, sorted by name
     */
    public static Map<String, Path> modules() {
        Map<String, Path> modules = new TreeMap<>();
        for (String name : System.getProperties().stringPropertyNames()) {
            if (!name.startsWith(PROPERTY_PREFIX)) {
                continue;
            }
            String value = System.getProperty(name);
            // an unresolved ${...} means the dependency is not declared in it-tests/pom.xml
            if (value.isBlank() || value.contains("${")) {
                throw new IllegalStateException(name + " is not set by the build (" + value
                        + "); is the Freeway module a dependency of it-tests?");
            }
            Path location = Path.of(value);
            if (!Files.exists(location)) {
                throw new IllegalStateException(name + " points to a missing file: " + location);
            }
            modules.put(name.substring(PROPERTY_PREFIX.length()), location);
        }
        if (modules.isEmpty()) {
            throw new IllegalStateException("no " + PROPERTY_PREFIX + "* system property: run the "
                    + "integration tests through Maven, e.g. mvn -pl it-tests/tomcat11 -am verify");
        }
        return modules;
    }
}
