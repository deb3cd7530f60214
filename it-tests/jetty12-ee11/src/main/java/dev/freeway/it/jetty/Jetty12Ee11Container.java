package dev.freeway.it.jetty;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.eclipse.jetty.ee11.annotations.AnnotationConfiguration;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.ee11.webapp.WebAppContext;
import org.eclipse.jetty.server.handler.ContextHandler;

/**
 * Embedded Jetty 12.1 with the Jakarta EE 11 environment (Servlet 6.1). No Arquillian adapter exists
 * for it; the released Jetty 12 adapter targets 12.0, whose EE 10 environment cannot upgrade.
 */
public class Jetty12Ee11Container extends AbstractJettyContainer {

    @Override
    protected ContextHandler createWebApp(Path directory, String contextPath) {
        WebAppContext webApp = new WebAppContext(directory.toString(), contextPath);
        // Jetty finds its configurations on the class path; asking for annotations explicitly makes a
        // missing jetty-ee11-annotations fail the deployment instead of silently skipping every SCI
        if (webApp.getConfiguration(AnnotationConfiguration.class) == null) {
            webApp.addConfiguration(new AnnotationConfiguration());
        }
        // a failing ServletContainerInitializer or listener fails deploy() unless configured otherwise
        webApp.setThrowUnavailableOnStartupException(configuration().isFailDeploymentOnStartupError());
        // Freeway takes over WebSocket connections through Jetty's core (its Servlet upgrade loses
        // the input of handshakes without Content-Length); the few classes it needs are exposed
        FreewayJettyClasses.exposeTo(webApp.getHiddenClassMatcher());
        // The CDI API is on this class path only because jetty-ee11-annotations brings it; a Jetty
        // distribution without its cdi module has none, and a WAR with its own CDI (Weld in
        // WEB-INF/lib) uses its own copy, whose CDI.current() finds the WAR's provider.
        webApp.getProtectedClassMatcher().exclude("jakarta.enterprise.");
        return webApp;
    }

    @Override
    protected List<String> servletNames(ContextHandler context) {
        ServletHolder[] holders = ((WebAppContext) context).getServletHandler().getServlets();
        return Arrays.stream(holders).map(ServletHolder::getName).toList();
    }
}
