package dev.freeway.servlet;

import dev.freeway.container.FreewayServerContainer;
import dev.freeway.container.PreparedSession;
import dev.freeway.container.WsSession;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;

import java.net.InetSocketAddress;

/**
 * The upgraded connection of one WebSocket session: created by the container when the 101 has
 * been sent, it opens the session over a {@link ServletTransport}.
 */
public final class FreewayUpgradeHandler implements HttpUpgradeHandler {
    private static final System.Logger LOG = System.getLogger(FreewayUpgradeHandler.class.getName());

    private FreewayServerContainer container;
    private BufferPool pool;
    private PreparedSession prepared;
    private boolean secure;
    private InetSocketAddress remote;
    private InetSocketAddress local;
    private volatile WsSession session;

    /** Public no-argument constructor: the Servlet container instantiates upgrade handlers. */
    public FreewayUpgradeHandler() {
    }

    /** Called by the handshake before the request returns, so {@link #init} has what it needs. */
    void prepare(FreewayServerContainer container, BufferPool pool, PreparedSession prepared, boolean secure,
                 InetSocketAddress remote, InetSocketAddress local) {
        this.container = container;
        this.pool = pool;
        this.prepared = prepared;
        this.secure = secure;
        this.remote = remote;
        this.local = local;
    }

    @Override
    public void init(WebConnection connection) {
        ServletTransport transport;
        try {
            transport = new ServletTransport(connection, container.executor(), pool, secure, remote, local);
            transport.register();
        } catch (Exception | LinkageError e) {
            failed(connection, e);
            return;
        }
        // onOpen runs after init returns: Tomcat lets the connection write only then, so a
        // blocking send in @OnOpen would otherwise wait for its own init to finish.
        container.executor().execute(() -> {
            try {
                session = container.open(prepared, transport, null);
            } catch (Exception | LinkageError e) {
                failed(connection, e);
            }
        });
    }

    private void failed(WebConnection connection, Throwable e) {
        prepared.discard(); // once only: open may have released it already
        LOG.log(System.Logger.Level.ERROR, "could not open the WebSocket session for "
                + prepared.accepted().endpointConfig().getEndpointClass().getName(), e);
        try {
            connection.close();
        } catch (Exception closing) {
            e.addSuppressed(closing);
        }
    }

    @Override
    public void destroy() {
        // The container destroys the handler when the connection is gone; the session learns it
        // through its transport (end of stream or error), so nothing is left to do here.
        if (session != null && session.isOpen()) {
            LOG.log(System.Logger.Level.DEBUG, "upgrade handler destroyed with session {0} still open", session.getId());
        }
    }
}
