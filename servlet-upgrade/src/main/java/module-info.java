/**
 * Freeway in a Servlet 6 container: the {@code ServletContainerInitializer} that deploys the
 * application's endpoints, the upgrade filter, and the transports that carry a session over an
 * upgraded connection (Tomcat's, Jetty's and Undertow's own, and the generic Servlet one).
 *
 * <p>Only {@code dev.freeway.servlet} is API. Tomcat's and Undertow's jars are no named modules
 * (Tomcat's embedded core repeats the Servlet API's packages, which a module may not read twice),
 * so the transports for them are compiled against the class path and load only where those
 * containers run a web application, which is always on the class path.
 */
module dev.freeway.servlet {
    requires transitive dev.freeway.impl;
    requires transitive jakarta.servlet;
    requires java.naming;
    requires static org.eclipse.jetty.server;
    requires static org.eclipse.jetty.io;
    requires static org.eclipse.jetty.util;

    exports dev.freeway.servlet;

    provides jakarta.servlet.ServletContainerInitializer with dev.freeway.servlet.FreewayInitializer;
}
