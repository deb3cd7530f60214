package dev.freeway.distribution;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * The four stand-alone containers the demo WAR is deployed into, each with the README recipe it
 * follows. Tomcat 11 and 10.1 share one recipe, as the README gives one for both.
 */
enum Distribution {
    TOMCAT_11("Tomcat 11", "tomcat", "freeway.dist.home.tomcat11", TomcatInstallation::new),
    TOMCAT_10_1("Tomcat 10.1", "tomcat", "freeway.dist.home.tomcat10", TomcatInstallation::new),
    JETTY_12_1_EE11("Jetty 12.1 EE 11", "jetty-ee11", "freeway.dist.home.jetty", JettyInstallation::new),
    JETTY_12_1_EE10("Jetty 12.1 EE 10", "jetty-ee10", "freeway.dist.home.jetty", JettyInstallation::new);

    private final String title;
    private final String recipe;
    private final String homeProperty;
    private final Function<Path, Installation> installation;

    Distribution(String title, String recipe, String homeProperty, Function<Path, Installation> installation) {
        this.title = title;
        this.recipe = recipe;
        this.homeProperty = homeProperty;
        this.installation = installation;
    }

    /** The name of its recipe's marker in README.md. */
    String recipe() {
        return recipe;
    }

    /** Its unpacked distribution, as the build's system properties name it. */
    Installation installation() {
        return installation.apply(Settings.path(homeProperty));
    }

    @Override
    public String toString() {
        return title;
    }
}
