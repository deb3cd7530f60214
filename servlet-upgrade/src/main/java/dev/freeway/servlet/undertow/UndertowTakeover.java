package dev.freeway.servlet.undertow;

import dev.freeway.servlet.upgrade.UpgradeContext;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.spec.HttpServletRequestImpl;
import jakarta.servlet.ServletRequest;
import org.xnio.IoUtils;

/**
 * Takes an Undertow exchange's connection over once the 101 is sent: Undertow hands the raw XNIO
 * connection to an {@code HttpUpgradeListener}, which opens the session over an
 * {@link UndertowTransport}. Loaded only inside Undertow (see {@link UndertowConnectionUpgrade}).
 */
final class UndertowTakeover {
    private UndertowTakeover() {
    }

    /** Upgrades {@code request}, Undertow's own (unwrapped) request. */
    static void upgrade(ServletRequest request, UpgradeContext context) {
        HttpServerExchange exchange = ((HttpServletRequestImpl) request).getExchange();
        // Sets the 101 and Connection: Upgrade (the handshake set the rest); the listener runs
        // once the response is written and the connection is Freeway's.
        exchange.upgradeChannel((connection, upgraded) -> {
            UndertowTransport transport;
            try {
                transport = new UndertowTransport(connection, context);
                transport.register();
            } catch (RuntimeException | LinkageError e) {
                context.failed(e, () -> IoUtils.safeClose(connection));
                return;
            }
            context.openLater(transport, transport::abort);
        });
    }
}
