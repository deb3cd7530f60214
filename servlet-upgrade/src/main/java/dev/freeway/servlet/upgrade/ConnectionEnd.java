package dev.freeway.servlet.upgrade;

import dev.freeway.container.TransportListener;

import java.io.IOException;

/**
 * How a connection taken over from the container ends, each kind of end told to its session at
 * most once ({@code onEnd} for the peer's end of input, {@code onError} for a failure): the
 * listener the session starts with, the end of the input, a failure (passed on when the session
 * starts if it came first), and whether the session closed the connection itself, which makes its
 * end no news.
 * Tomcat's and Undertow's transports share it, their close and abort included, and keep only how
 * they read and how they close the connection itself.
 *
 * <p>The flags live under the transport's lock, given here, because the transport's own read
 * state (demand, the leased buffer) changes together with them; every method takes that lock
 * itself, so a transport may call them inside its own synchronized blocks too.
 */
public final class ConnectionEnd {
    private final Object lock;
    private final UpgradedConnection connection;
    private final Runnable closeConnection;

    private TransportListener listener;
    /** A failure before the session started, passed on at {@link #start}. */
    private Throwable earlyFailure;
    private boolean inputDone;
    private boolean failed;
    /** The session closed or dropped the connection, so its closing is no news to it. */
    private boolean closedByUs;

    /**
     * @param lock            the transport's lock, which guards these flags with its own state
     * @param connection      the transport: its writes fail, its executor tells the session
     * @param closeConnection closes the connection itself (the socket, the channel), after a close,
     *                        an abort or a failure
     */
    public ConnectionEnd(Object lock, UpgradedConnection connection, Runnable closeConnection) {
        this.lock = lock;
        this.connection = connection;
        this.closeConnection = closeConnection;
    }

    /** The session starts listening; an end that came before reaches it now, on the executor. */
    public void start(TransportListener l) {
        Throwable early;
        boolean ended;
        synchronized (lock) {
            listener = l;
            early = earlyFailure;
            ended = inputDone && early == null;
        }
        if (early != null) {
            connection.later(() -> l.onError(early));
        } else if (ended) {
            connection.later(l::onEnd);
        }
    }

    /** The session's listener, or null before it started. */
    public TransportListener listener() {
        synchronized (lock) {
            return listener;
        }
    }

    /** Whether nothing more is to be read: the input ended, or the connection failed. */
    public boolean inputDone() {
        synchronized (lock) {
            return inputDone;
        }
    }

    /** Whether the session closed or dropped the connection. */
    public boolean closedByUs() {
        synchronized (lock) {
            return closedByUs;
        }
    }

    /** The peer ended its input; the transport tells the session ({@code onEnd}) itself. */
    public void inputEnded() {
        synchronized (lock) {
            inputDone = true;
        }
    }

    /** The session's graceful close: the connection closes once the writes queued before it are out. */
    public void close() {
        connection.writes().closeAfterWrites(this::closeByUs);
    }

    /** The session drops the connection: queued writes fail, the connection closes now. */
    public void abort() {
        connection.writes().fail(new IOException("the connection was dropped"));
        closeByUs();
    }

    /** Closes the connection; what follows (the container's release of it) is no news to the session. */
    private void closeByUs() {
        synchronized (lock) {
            closedByUs = true;
        }
        closeConnection.run();
    }

    /**
     * Reading or writing failed, or the container gave the connection up: fails the writes,
     * closes the connection and tells the session, once, unless the session closed it itself.
     */
    public void fail(Throwable error) {
        TransportListener l;
        synchronized (lock) {
            if (failed || closedByUs) {
                return; // already ended, or closed by the session, which needs no news
            }
            failed = true;
            inputDone = true;
            l = listener;
            if (l == null) {
                earlyFailure = error;
            }
        }
        TransportFailures.log(connection.context().remote(), error);
        connection.writes().fail(error);
        closeByUs();
        if (l != null) {
            connection.later(() -> l.onError(error));
        }
    }

    /** The container released the connection: gone, if the session did not close it. */
    public void released() {
        if (!closedByUs()) {
            fail(new IOException("the connection was closed"));
        }
    }
}
