package dev.freeway.servlet.jetty;

import dev.freeway.servlet.upgrade.UpgradeContext;
import org.eclipse.jetty.io.AbstractConnection;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;

/**
 * The Jetty core {@link Connection} that takes over a handshake's {@link EndPoint} after the 101
 * (see {@link JettyTakeover}). It only passes Jetty's events on to its {@link JettyTransport},
 * which is what the session sees; kept apart because {@link Connection#close()} means "close now"
 * to Jetty and "close after the pending writes" to a session.
 */
final class JettyConnection extends AbstractConnection implements Connection.UpgradeTo {
    private final JettyTransport transport;

    /** @param stream whether {@code endPoint} is an HTTP/2 stream's (see {@link JettyTransport#fillable}) */
    JettyConnection(EndPoint endPoint, Executor executor, UpgradeContext context, boolean stream) {
        super(endPoint, executor);
        // The transport only keeps the reference; it uses it once Jetty has opened this connection.
        this.transport = new JettyTransport(this, context, stream);
    }

    /** Bytes that arrived together with the request head; Jetty hands them over before {@link #onOpen}. */
    @Override
    public void onUpgradeTo(ByteBuffer prefilled) {
        transport.prefilled(prefilled);
    }

    /** Jetty has swapped this connection in: the 101 is on its way, the session may start. */
    @Override
    public void onOpen() {
        super.onOpen();
        transport.opened();
    }

    @Override
    public void onFillable() {
        transport.fillable();
    }

    @Override
    public void onFillInterestedFailed(Throwable cause) {
        transport.failed(cause);
    }

    /**
     * Freeway keeps its own idle and send timeouts per session ({@code dev.freeway.maxIdleTimeout},
     * {@code asyncSendTimeout}); the connector's idle timeout, meant for HTTP exchanges, must not
     * end a quiet WebSocket session. Once the session is over and the connection only waits for
     * the end of the peer's input, the timeout (then the close timeout) ends the wait.
     */
    @Override
    public boolean onIdleExpired(TimeoutException timeout) {
        return transport.isLingering();
    }

    @Override
    public void onClose(Throwable cause) {
        super.onClose(cause);
        transport.closed(cause);
    }

    /** Reads what is there without waiting; see {@link EndPoint#fill}. */
    int fill(ByteBuffer buffer) throws IOException {
        return getEndPoint().fill(buffer);
    }

    JettyTransport transport() {
        return transport;
    }
}
