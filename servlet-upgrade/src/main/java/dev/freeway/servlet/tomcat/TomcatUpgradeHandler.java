package dev.freeway.servlet.tomcat;

import dev.freeway.servlet.upgrade.UpgradeContext;
import jakarta.servlet.http.WebConnection;
import org.apache.coyote.http11.upgrade.InternalHttpUpgradeHandler;
import org.apache.tomcat.util.net.AbstractEndpoint.Handler.SocketState;
import org.apache.tomcat.util.net.SSLSupport;
import org.apache.tomcat.util.net.SocketEvent;
import org.apache.tomcat.util.net.SocketWrapperBase;

/**
 * The upgraded connection of one WebSocket session on Tomcat: Tomcat gives it the socket before
 * {@link #init}, then passes it every socket event of the connection, one at a time; the
 * {@link TomcatTransport} does the work. Loaded only inside Tomcat (see
 * {@link TomcatConnectionUpgrade}).
 */
public final class TomcatUpgradeHandler implements InternalHttpUpgradeHandler {
    private UpgradeContext context;
    private SocketWrapperBase<?> socket;
    private volatile TomcatTransport transport;

    /** Public no-argument constructor: Tomcat instantiates upgrade handlers. */
    public TomcatUpgradeHandler() {
    }

    /** Called by the handshake before the request returns, so {@link #init} has what it needs. */
    void prepare(UpgradeContext context) {
        this.context = context;
    }

    @Override
    public void setSocketWrapper(SocketWrapperBase<?> socketWrapper) {
        this.socket = socketWrapper;
    }

    @Override
    public void init(WebConnection connection) {
        TomcatTransport t;
        try {
            t = new TomcatTransport(socket, context);
        } catch (RuntimeException | LinkageError e) {
            context.failed(e, socket::close);
            return;
        }
        transport = t;
        context.openLater(t, t::abort, t::opened);
    }

    @Override
    public SocketState upgradeDispatch(SocketEvent event) {
        TomcatTransport t = transport;
        return t == null ? SocketState.CLOSED : t.dispatch(event);
    }

    @Override
    public void pause() {
        TomcatTransport t = transport;
        if (t != null) {
            t.goingAway();
        }
    }

    @Override
    public void timeoutAsync(long now) {
        // Timeouts are the session's (idle and send timeouts); Tomcat's are off for upgraded sockets.
    }

    @Override
    public void setSslSupport(SSLSupport sslSupport) {
        // The session needs only whether the connection is secure, which the handshake told it.
    }

    @Override
    public void destroy() {
        TomcatTransport t = transport;
        if (t != null) {
            t.released();
        }
    }
}
