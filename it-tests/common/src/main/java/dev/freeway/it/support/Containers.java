package dev.freeway.it.support;

/**
 * Which container the running module tests, for {@code @DisabledIf} conditions on tests that
 * fail there because of a Freeway bug not yet fixed (each such test names the bug). Container
 * defects are declared through {@link ContainerDefects} instead.
 */
public final class Containers {

    private Containers() {
    }

    /** @return whether the tests run on Tomcat (10.1 or 11, with or without its WebSocket jar) */
    public static boolean tomcat() {
        return System.getProperty("arquillian.launch", "").startsWith("tomcat");
    }

    /** @return whether the tests run on Tomcat 11 (with or without its WebSocket jar) */
    public static boolean tomcat11() {
        return System.getProperty("arquillian.launch", "").startsWith("tomcat11");
    }
}
