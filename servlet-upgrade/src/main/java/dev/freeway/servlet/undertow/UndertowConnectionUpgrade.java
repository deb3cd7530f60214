package dev.freeway.servlet.undertow;

import dev.freeway.servlet.upgrade.ConnectionUpgrade;
import dev.freeway.servlet.upgrade.UpgradeContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.util.Optional;

/**
 * Undertow's own way of taking over a connection: the exchange's XNIO {@code StreamConnection}
 * ({@link UndertowTakeover}), read and written only on the connection's I/O thread
 * ({@link UndertowTransport}), as Undertow's own WebSocket implementation does.
 *
 * <p>Undertow's portable upgrade cannot serve a demand-driven session: its upgrade streams are not
 * thread-safe (their state is a plain field the I/O thread changes while another thread reads),
 * it calls {@code onDataAvailable} again only after a read of nothing, so a session that stops
 * demanding with bytes left would never be called back, and its non-blocking output stream
 * ignores the offset and length of {@code write(byte[], int, int)}.
 *
 * <p>This class names no Undertow type, so it loads anywhere; {@link UndertowTakeover} and the
 * classes it uses are loaded only once {@link #ifVisible} has seen Undertow's classes.
 */
public final class UndertowConnectionUpgrade implements ConnectionUpgrade {
    /** Undertow's Servlet request, which gives its exchange. */
    static final String UNDERTOW_REQUEST = "io.undertow.servlet.spec.HttpServletRequestImpl";
    /** Where the connection's upgrade and I/O classes come from. */
    private static final String UPGRADE_LISTENER = "io.undertow.server.HttpUpgradeListener";
    private static final System.Logger LOG = System.getLogger(UndertowConnectionUpgrade.class.getName());

    private UndertowConnectionUpgrade() {
    }

    /** This way, if {@code loader} (the one that loads Freeway's classes here) sees Undertow's request and XNIO. */
    public static Optional<ConnectionUpgrade> ifVisible(ClassLoader loader) {
        try {
            Class.forName(UNDERTOW_REQUEST, false, loader);
            Class.forName(UPGRADE_LISTENER, false, loader);
            Class.forName("org.xnio.StreamConnection", false, loader);
            LOG.log(System.Logger.Level.DEBUG, "Undertow found: connections are taken over the Undertow way");
            return Optional.of(new UndertowConnectionUpgrade());
        } catch (ClassNotFoundException | LinkageError e) {
            LOG.log(System.Logger.Level.TRACE, "not Undertow: " + e);
            return Optional.empty();
        }
    }

    @Override
    public boolean upgrade(HttpServletRequest request, UpgradeContext context) throws IOException, ServletException {
        ServletRequest own = request;
        while (own instanceof ServletRequestWrapper wrapper) {
            own = wrapper.getRequest();
        }
        if (!own.getClass().getName().equals(UNDERTOW_REQUEST)) {
            return false; // Undertow's classes beside another container
        }
        UndertowTakeover.upgrade(own, context);
        return true;
    }
}
