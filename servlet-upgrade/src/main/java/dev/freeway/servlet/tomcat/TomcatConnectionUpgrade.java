package dev.freeway.servlet.tomcat;

import dev.freeway.servlet.upgrade.ConnectionUpgrade;
import dev.freeway.servlet.upgrade.UpgradeContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpUpgradeHandler;

import java.io.IOException;
import java.util.Optional;

/**
 * Tomcat's own way of taking over a connection: a {@link TomcatUpgradeHandler} (Tomcat's internal
 * upgrade handler interface) reads and writes Tomcat's socket directly, driven by Tomcat's socket
 * events, as Tomcat's own WebSocket implementation does. Tomcat's portable upgrade cannot serve a
 * demand-driven session (see {@link TomcatTransport}).
 *
 * <p>This class names no Tomcat type, so it loads anywhere; {@link TomcatUpgradeHandler} and the
 * classes it uses are loaded only once {@link #ifVisible} has seen Tomcat's interface.
 */
public final class TomcatConnectionUpgrade implements ConnectionUpgrade {
    static final String INTERNAL_HANDLER = "org.apache.coyote.http11.upgrade.InternalHttpUpgradeHandler";
    /** The package of Tomcat's request and its facade. */
    private static final String TOMCAT_REQUESTS = "org.apache.catalina.connector.";
    private static final System.Logger LOG = System.getLogger(TomcatConnectionUpgrade.class.getName());

    private TomcatConnectionUpgrade() {
    }

    /**
     * This way, if {@code loader} (the one that loads Freeway's classes in this web application)
     * sees Tomcat's internal upgrade handler interface for Servlet 6 ({@code jakarta.servlet}).
     */
    public static Optional<ConnectionUpgrade> ifVisible(ClassLoader loader) {
        try {
            Class<?> internal = Class.forName(INTERNAL_HANDLER, false, loader);
            if (HttpUpgradeHandler.class.isAssignableFrom(internal)) {
                LOG.log(System.Logger.Level.DEBUG, "Tomcat found: connections are taken over the Tomcat way");
                return Optional.of(new TomcatConnectionUpgrade());
            }
        } catch (ClassNotFoundException | LinkageError e) {
            LOG.log(System.Logger.Level.TRACE, "not Tomcat: " + e);
        }
        return Optional.empty();
    }

    @Override
    public boolean upgrade(HttpServletRequest request, UpgradeContext context) throws IOException, ServletException {
        if (!servedByTomcat(request)) {
            return false; // Tomcat's classes beside another container (a test class path, say)
        }
        request.upgrade(TomcatUpgradeHandler.class).prepare(context);
        return true;
    }

    /** Whether the container's own request, under any wrappers, is Tomcat's. */
    private static boolean servedByTomcat(ServletRequest request) {
        ServletRequest r = request;
        while (r instanceof ServletRequestWrapper) {
            r = ((ServletRequestWrapper) r).getRequest();
        }
        return r.getClass().getName().startsWith(TOMCAT_REQUESTS);
    }
}
