package dev.freeway.servlet.jetty;

import dev.freeway.servlet.upgrade.ConnectionUpgrade;
import dev.freeway.servlet.upgrade.UpgradeContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.util.List;

/**
 * The Jetty-native {@link ConnectionUpgrade} ({@link JettyTakeover}), where it can work: on Jetty
 * 12.1, whose Servlet upgrade loses the input of handshakes without {@code Content-Length}, and
 * for WebSockets over HTTP/2 (RFC 8441), which the Servlet API cannot carry at all.
 *
 * <p>It needs a few of Jetty's core classes, which a {@code WebAppContext} hides from web
 * applications unless told otherwise ({@link #EXPOSED_CLASSES}). Whether they are visible is decided
 * once, when the web application starts; if they are not and the application runs in Jetty, one
 * WARNING says what to configure, and every handshake takes the portable way. Whether the requests
 * really are Jetty's is decided at the first handshake (Jetty's classes may well be on the class
 * path of another container). This class itself names no Jetty type, so it loads everywhere.
 */
public final class JettyConnectionUpgrade implements ConnectionUpgrade {
    /**
     * The Jetty classes a web application must see, as exceptions to the {@code WebAppContext}'s
     * hidden classes (a pattern names a class with its nested classes).
     */
    static final List<String> EXPOSED_CLASSES = List.of(
            "org.eclipse.jetty.io.AbstractConnection",
            "org.eclipse.jetty.io.Connection",
            "org.eclipse.jetty.io.EndPoint",
            "org.eclipse.jetty.util.Callback",
            "org.eclipse.jetty.server.Request",
            "org.eclipse.jetty.server.ConnectionMetaData",
            JettyTakeover.TUNNEL_CLASS);

    private static final System.Logger LOG = System.getLogger(JettyConnectionUpgrade.class.getName());
    private static final ConnectionUpgrade NOT_JETTY = (request, context) -> false;

    private final boolean visible;
    /** The way found at the first handshake (a {@link JettyTakeover} or {@link #NOT_JETTY}). */
    private volatile ConnectionUpgrade way;

    public JettyConnectionUpgrade() {
        ClassLoader loader = JettyConnectionUpgrade.class.getClassLoader();
        this.visible = allVisible(loader);
        if (!visible && loadedByJetty(loader)) {
            LOG.log(System.Logger.Level.WARNING, "Freeway runs in Jetty, but Jetty hides the classes it needs"
                    + " to take over WebSocket connections itself; it falls back to Jetty's Servlet upgrade, which"
                    + " loses what clients send after the handshake unless their request has a Content-Length"
                    + " (browsers' requests have none). Expose these classes to the web application: "
                    + String.join(", ", EXPOSED_CLASSES) + " (embedded: webapp.getHiddenClassMatcher().exclude(...);"
                    + " stand-alone: WEB-INF/jetty-ee11-web.xml or jetty-ee10-web.xml, see Freeway's README)");
        }
    }

    @Override
    public boolean upgrade(HttpServletRequest request, UpgradeContext context) throws IOException, ServletException {
        return visible && wayFor(request).upgrade(request, context);
    }

    @Override
    public String tunnelProtocol(HttpServletRequest request) {
        return visible ? wayFor(request).tunnelProtocol(request) : null;
    }

    private ConnectionUpgrade wayFor(HttpServletRequest request) {
        ConnectionUpgrade chosen = way;
        if (chosen == null) {
            // Decided once per web application; two first handshakes at once decide alike.
            ConnectionUpgrade takeover = JettyTakeover.forRequestsLike(request);
            chosen = takeover == null ? NOT_JETTY : takeover;
            way = chosen;
        }
        return chosen;
    }

    /**
     * Whether the classes of the HTTP/1.1 takeover are visible. The one for HTTP/2 may be missing
     * (a web application configured before Freeway served HTTP/2): HTTP/1.1 is then taken over all
     * the same, see {@link JettyTakeover#TUNNEL_CLASS}.
     */
    private static boolean allVisible(ClassLoader loader) {
        for (String name : EXPOSED_CLASSES) {
            if (!name.equals(JettyTakeover.TUNNEL_CLASS) && !visible(name, loader)) {
                return false;
            }
        }
        return true;
    }

    static boolean visible(String name, ClassLoader loader) {
        try {
            Class.forName(name, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Whether a Jetty class loader (a web application's) loaded Freeway. */
    private static boolean loadedByJetty(ClassLoader loader) {
        for (ClassLoader l = loader; l != null; l = l.getParent()) {
            if (l.getClass().getName().startsWith("org.eclipse.jetty.")) {
                return true;
            }
        }
        return false;
    }
}
