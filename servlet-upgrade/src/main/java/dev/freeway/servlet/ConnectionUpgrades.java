package dev.freeway.servlet;

import dev.freeway.servlet.generic.ServletConnectionUpgrade;
import dev.freeway.servlet.jetty.JettyConnectionUpgrade;
import dev.freeway.servlet.tomcat.TomcatConnectionUpgrade;
import dev.freeway.servlet.undertow.UndertowConnectionUpgrade;
import dev.freeway.servlet.upgrade.ConnectionUpgrade;
import dev.freeway.servlet.upgrade.UpgradeContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The ways of taking over a connection, in order of preference, chosen once per web application:
 * container-specific ones whose classes are visible here, then the portable Servlet upgrade.
 */
final class ConnectionUpgrades {
    private final List<ConnectionUpgrade> ways;

    private ConnectionUpgrades(List<ConnectionUpgrade> ways) {
        this.ways = List.copyOf(ways);
    }

    /** The ways available to the web application whose class loader loaded this class. */
    static ConnectionUpgrades available() {
        List<ConnectionUpgrade> ways = new ArrayList<>();
        // Container-specific ways are added here, ahead of the portable one.
        ClassLoader loader = ConnectionUpgrades.class.getClassLoader();
        TomcatConnectionUpgrade.ifVisible(loader).ifPresent(ways::add);
        UndertowConnectionUpgrade.ifVisible(loader).ifPresent(ways::add);
        ways.add(new JettyConnectionUpgrade());
        ways.add(new ServletConnectionUpgrade());
        return new ConnectionUpgrades(ways);
    }

    /**
     * The {@code :protocol} of an HTTP/2 extended CONNECT that some way can take over, or null
     * (then the request is no WebSocket handshake Freeway can answer, see {@link ConnectionUpgrade#tunnelProtocol}).
     */
    String tunnelProtocol(HttpServletRequest request) {
        for (ConnectionUpgrade way : ways) {
            String protocol = way.tunnelProtocol(request);
            if (protocol != null) {
                return protocol;
            }
        }
        return null;
    }

    /** Takes over {@code request}'s connection the first way that applies. */
    void upgrade(HttpServletRequest request, UpgradeContext context) throws IOException, ServletException {
        for (ConnectionUpgrade way : ways) {
            if (way.upgrade(request, context)) {
                return;
            }
        }
        throw new IllegalStateException("no way to upgrade " + request.getClass().getName());
    }
}
