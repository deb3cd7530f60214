package dev.freeway.it.jetty;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.eclipse.jetty.ee10.annotations.AnnotationConfiguration;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.handler.ContextHandler;

/**
 * Embedded Jetty 12.1 with the Jakarta EE 10 environment (Servlet 6.0). No Arquillian adapter exists
 * for it; the released Jetty 12 adapter targets 12.0, whose EE 10 environment cannot upgrade.
 */
public class Jetty12Ee10Container extends AbstractJettyContainer {

    @Override
    protected ContextHandler createWebApp(Path directory, String contextPath) {
        WebAppContext webApp = new WebAppContext(directory.toString(), contextPath);
        // Jetty finds its configurations on the class path; asking for annotations explicitly makes a
        // missing jetty-ee10-annotations fail the deployment instead of silently skipping every SCI
        if (webApp.getConfiguration(AnnotationConfiguration.class) == null) {
            webApp.addConfiguration(new AnnotationConfiguration());
        }
        // a failing ServletContainerInitializer or listener fails deploy() unless configured otherwise
        webApp.setThrowUnavailableOnStartupException(configuration().isFailDeploymentOnStartupError());
        // Freeway takes over WebSocket connections through Jetty's core (its Servlet upgrade loses
        // the input of handshakes without Content-Length); the few classes it needs are exposed
        FreewayJettyClasses.exposeTo(webApp.getHiddenClassMatcher());
        return webApp;
    }

    @Override
    protected List<String> servletNames(ContextHandler context) {
        ServletHolder[] holders = ((WebAppContext) context).getServletHandler().getServlets();
        return Arrays.stream(holders).map(ServletHolder::getName).toList();
    }
}
