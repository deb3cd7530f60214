package dev.freeway.it.jetty;

import java.util.List;

import org.eclipse.jetty.util.ClassMatcher;

/**
 * The Jetty core classes that Freeway's Jetty-native connection takeover needs to see from inside a
 * web application. A {@code WebAppContext} hides every {@code org.eclipse.jetty.} class from web
 * applications; these few are made exceptions, as an embedding server (or a stand-alone Jetty's
 * {@code WEB-INF/jetty-ee11-web.xml}) does for Freeway. Without them Freeway falls back to Jetty's
 * Servlet upgrade and logs a WARNING naming the same classes. Keep the list in step with
 * {@code dev.freeway.servlet.jetty.JettyConnectionUpgrade.EXPOSED_CLASSES}.
 */
public final class FreewayJettyClasses {

    /** Class names; each pattern covers its nested classes too. */
    public static final List<String> EXPOSED = List.of(
            "org.eclipse.jetty.io.AbstractConnection",
            "org.eclipse.jetty.io.Connection",
            "org.eclipse.jetty.io.EndPoint",
            "org.eclipse.jetty.util.Callback",
            "org.eclipse.jetty.server.Request",
            "org.eclipse.jetty.server.ConnectionMetaData",
            // WebSockets over HTTP/2 (RFC 8441) only
            "org.eclipse.jetty.server.TunnelSupport");

    private FreewayJettyClasses() {
    }

    /**
     * Makes {@link #EXPOSED} exceptions to a web application's hidden classes.
     *
     * @param hiddenClasses the web application's {@code getHiddenClassMatcher()}
     */
    public static void exposeTo(ClassMatcher hiddenClasses) {
        hiddenClasses.exclude(EXPOSED.toArray(String[]::new));
    }
}
