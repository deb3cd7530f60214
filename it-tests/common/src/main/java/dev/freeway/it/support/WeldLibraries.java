package dev.freeway.it.support;

import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Weld Servlet and the APIs it needs, for a test WAR's {@code WEB-INF/lib}, as an application that
 * brings its own CDI carries them. The build copies the jars to the directory named by the system
 * property {@value #PROPERTY} (see {@code it-tests/pom.xml}); they are never on the test class path,
 * where the containers would start Weld in every application.
 */
public final class WeldLibraries {

    /** The system property naming the directory of Weld's jars. */
    public static final String PROPERTY = "freeway.it.weld.lib";

    private WeldLibraries() {
    }

    /**
     * Adds every jar of the Weld directory to the archive's {@code WEB-INF/lib}.
     *
     * @param war the archive to complete
     * @return the same archive
     * @throws IllegalStateException when the build passed no directory, or an empty one
     */
    public static WebArchive addTo(WebArchive war) {
        return CopiedLibraries.addTo(war, PROPERTY);
    }
}
