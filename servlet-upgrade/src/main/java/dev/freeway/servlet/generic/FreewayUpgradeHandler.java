package dev.freeway.servlet.generic;

import dev.freeway.servlet.upgrade.UpgradeContext;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;

/**
 * The upgraded connection of one WebSocket session: created by the container when the 101 has
 * been sent, it opens the session over a {@link ServletTransport}.
 */
public final class FreewayUpgradeHandler implements HttpUpgradeHandler {
    private UpgradeContext context;

    /** Public no-argument constructor: the Servlet container instantiates upgrade handlers. */
    public FreewayUpgradeHandler() {
    }

    /** Called by the handshake before the request returns, so {@link #init} has what it needs. */
    void prepare(UpgradeContext context) {
        this.context = context;
    }

    @Override
    public void init(WebConnection connection) {
        ServletTransport transport;
        try {
            transport = new ServletTransport(connection, context.executor(), context.pool(), context.secure(),
                    context.remote(), context.local());
            transport.register();
        } catch (Exception | LinkageError e) {
            context.failed(e, () -> close(connection));
            return;
        }
        context.openLater(transport, transport::abort);
    }

    private static void close(WebConnection connection) {
        try {
            connection.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing the upgraded connection failed", e);
        }
    }

    @Override
    public void destroy() {
        // The container destroys the handler when the connection is gone; the session learns it
        // through its transport (end of stream or error), so nothing is left to do here.
    }
}
