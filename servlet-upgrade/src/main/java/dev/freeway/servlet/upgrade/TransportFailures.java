package dev.freeway.servlet.upgrade;

import java.io.IOException;

/**
 * The one log line a transport writes when its connection fails, once per connection. An
 * {@link IOException} (the peer reset or closed the connection, a write found it gone) is the
 * peer's doing: one INFO line without a stack trace, since every remote peer can cause one and
 * must not be able to fill the log with traces. Anything else is a fault of the container's
 * streams or of Freeway (Undertow's Servlet upgrade streams threw NullPointerExceptions from
 * another thread, for one): a WARNING with the whole cause.
 */
public final class TransportFailures {
    private static final System.Logger LOG = System.getLogger(TransportFailures.class.getName());

    private TransportFailures() {
    }

    /**
     * Logs a connection's failure.
     *
     * @param remote the peer's address, as the transport knows it
     * @param cause  what failed the connection
     */
    public static void log(Object remote, Throwable cause) {
        String line = "WebSocket connection from " + remote + " failed: " + cause;
        if (cause instanceof IOException) {
            LOG.log(System.Logger.Level.INFO, line);
        } else {
            LOG.log(System.Logger.Level.WARNING, line, cause);
        }
    }
}
