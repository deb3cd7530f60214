package dev.freeway.servlet.tomcat;

import dev.freeway.container.Transport;
import dev.freeway.container.TransportListener;
import dev.freeway.container.session.WsSession;
import dev.freeway.servlet.upgrade.ConnectionEnd;
import dev.freeway.servlet.upgrade.ReadArrayPool;
import dev.freeway.servlet.upgrade.UpgradeContext;
import dev.freeway.servlet.upgrade.UpgradedConnection;
import dev.freeway.transport.WriteQueue;
import jakarta.websocket.CloseReason;
import org.apache.tomcat.util.net.AbstractEndpoint.Handler.SocketState;
import org.apache.tomcat.util.net.SocketEvent;
import org.apache.tomcat.util.net.SocketWrapperBase;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A {@link Transport} over Tomcat's socket of an upgraded connection, driven by the socket events
 * Tomcat dispatches to {@link TomcatUpgradeHandler} (one at a time per socket, on Tomcat's threads).
 *
 * <p>Reading happens only inside an {@code OPEN_READ} dispatch, so nothing else ever touches
 * Tomcat's read buffer, and only while the session demands: each read fills one buffer leased
 * from the pool, handed to the session right there, on the dispatching Tomcat thread, as Tomcat's
 * own WebSocket implementation calls {@code @OnMessage} on it. The session usually demands again
 * from inside {@code onData}; that only notes the demand, and the dispatch reads on in its loop
 * (no new dispatch, no stack growth). When the session has not demanded by the time
 * {@code onData} returns, the dispatch returns {@code SUSPENDED}: Tomcat then neither polls the
 * socket nor dispatches again, and TCP holds the peer back. The session's next {@link #demand()},
 * from another thread, asks Tomcat for a fresh {@code OPEN_READ} dispatch ({@code processSocket}),
 * so bytes already in Tomcat's buffer, which no poller would ever report, are read too. Only when
 * a read finds nothing does the dispatch return {@code UPGRADED}, which registers read interest
 * with Tomcat's poller.
 *
 * <p>The application may block in {@code @OnMessage}, in a blocking send say: Tomcat runs no other
 * event of this socket meanwhile (an {@code OPEN_WRITE} dispatch would wait for this one), but
 * its writes never need one ({@link TomcatWrites}): Tomcat completes its asynchronous writes on another of its
 * threads, outside the socket's event processing (as for Tomcat's own blocking sends). The end of
 * the input, failures and the server going away reach the session on the executor.
 *
 * <p>Writing is the shared {@link WriteQueue}'s, over {@link TomcatWrites}. The peer's end of stream goes to the session, which closes
 * the connection; a failure, or Tomcat dropping the connection, ends it at once.
 */
final class TomcatTransport implements UpgradedConnection {
    private static final System.Logger LOG = System.getLogger(TomcatTransport.class.getName());

    /** Who reads next: nobody until a demand resumes reading, a dispatch, or the poller. */
    private enum Reading { SUSPENDED, DISPATCHED, POLLED }

    private final SocketWrapperBase<?> socket;
    private final ReadArrayPool pool;
    /** Where the connection's addresses and security come from (the handshake). */
    private final UpgradeContext context;
    private final WriteQueue writes;

    private final Object lock = new Object();
    /** The end of the connection: input, failure, the session's own close. */
    private final ConnectionEnd end;
    private boolean demanded;
    /**
     * Tomcat dispatches {@code OPEN_READ} right after {@code init}, so at first a dispatch is
     * already on its way; a demand before it needs none of its own.
     */
    private Reading reading = Reading.DISPATCHED;
    /** The buffer the session is parsing, returned to the pool at its next demand. */
    private byte[] leased;
    private WsSession session;
    private boolean goingAway;

    TomcatTransport(SocketWrapperBase<?> socket, UpgradeContext context) {
        this.socket = socket;
        this.pool = context.pool();
        this.context = context;
        this.end = new ConnectionEnd(lock, this, this::closeSocket);
        this.writes = new WriteQueue(new TomcatWrites(socket), end::fail);
    }

    @Override
    public void start(TransportListener listener) {
        end.start(listener);
    }

    // ---- Tomcat's events

    /** One socket event, on a Tomcat thread; returns what Tomcat should do with the socket next. */
    SocketState dispatch(SocketEvent event) {
        try {
            switch (event) {
                case OPEN_READ:
                    return readWhileDemanded(true);
                case OPEN_WRITE:
                    // Writes finish through their completion handlers, not this event; but if a
                    // read dispatch is owed (the first one), this is it.
                    return owesRead() ? readWhileDemanded(false) : stateNow();
                case STOP:
                    goingAway();
                    return stateNow();
                default: // ERROR, DISCONNECT, TIMEOUT, CONNECT_FAIL: the connection is unusable
                    Throwable error = socket.getError();
                    fail(error != null ? error : new IOException("Tomcat reported " + event + " on the connection"));
                    return SocketState.CLOSED;
            }
        } catch (RuntimeException e) {
            fail(e);
            return SocketState.CLOSED;
        }
    }

    private boolean owesRead() {
        synchronized (lock) {
            return reading == Reading.DISPATCHED;
        }
    }

    private SocketState stateNow() {
        synchronized (lock) {
            return end.closedByUs() ? SocketState.CLOSED : SocketState.UPGRADED;
        }
    }

    /**
     * Reads one buffer per demand for as long as the session keeps demanding.
     *
     * @param polledOnReturn whether Tomcat registers read interest itself when this returns
     *                       {@code UPGRADED} (it does after {@code OPEN_READ})
     */
    private SocketState readWhileDemanded(boolean polledOnReturn) {
        synchronized (lock) {
            reading = Reading.DISPATCHED;
        }
        while (true) {
            TransportListener l;
            synchronized (lock) {
                if (end.closedByUs()) {
                    return SocketState.CLOSED;
                }
                l = end.listener();
                if (!demanded || end.inputDone() || l == null) {
                    reading = Reading.SUSPENDED; // the next demand asks Tomcat for a dispatch
                    return SocketState.SUSPENDED;
                }
            }
            byte[] buffer = pool.lease();
            int n;
            try {
                n = socket.read(false, ByteBuffer.wrap(buffer));
            } catch (EOFException e) {
                n = -1; // how Tomcat's NIO connector reports the end of the stream
            } catch (IOException e) {
                pool.release(buffer);
                fail(e);
                return SocketState.CLOSED;
            }
            if (n > 0) {
                synchronized (lock) {
                    demanded = false;
                    leased = buffer;
                }
                // The session parses, and the application handles, here; a demand made meanwhile
                // is this loop's next read.
                l.onData(ByteBuffer.wrap(buffer, 0, n));
            } else if (n == 0) {
                pool.release(buffer);
                synchronized (lock) {
                    reading = Reading.POLLED;
                }
                if (!polledOnReturn) {
                    socket.registerReadInterest();
                }
                return SocketState.UPGRADED;
            } else {
                pool.release(buffer);
                endOfInput(l);
                return stateNow(); // the socket stays open for the session's close
            }
        }
    }

    private void endOfInput(TransportListener l) {
        synchronized (lock) {
            end.inputEnded();
            reading = Reading.SUSPENDED;
        }
        later(l::onEnd);
    }

    // ---- reading, for the session

    @Override
    public void demand() {
        synchronized (lock) {
            pool.release(leased);
            leased = null;
            demanded = true;
            if (reading != Reading.SUSPENDED || end.inputDone() || end.closedByUs()) {
                return; // a dispatch under way or the poller reads next
            }
            reading = Reading.DISPATCHED;
        }
        // Back onto one of Tomcat's threads, as Tomcat resumes its own suspended sessions.
        socket.processSocket(SocketEvent.OPEN_READ, true);
    }

    // ---- writing and closing

    @Override
    public void close() {
        end.close();
    }

    @Override
    public void abort() {
        end.abort();
    }

    /** Closes the socket, once {@link #end} has marked it closed by us. */
    private void closeSocket() {
        synchronized (lock) {
            // The leased buffer is not returned: the session may still be parsing it.
            leased = null;
        }
        socket.close();
    }

    /** Reading or writing failed, or Tomcat gave up the connection: ends it and tells the session once. */
    private void fail(Throwable error) {
        end.fail(error);
    }

    /** Tomcat released the connection (the handler's {@code destroy}): gone, if we did not close it. */
    void released() {
        end.released();
    }

    // ---- the server going away

    /** The session, once open: told to go away if the server stops. */
    void opened(WsSession opened) {
        boolean leave;
        synchronized (lock) {
            session = opened;
            leave = goingAway;
        }
        if (leave) {
            closeGoingAway(opened);
        }
    }

    /** Tomcat is stopping the connector ({@code pause}, {@code STOP}): the session closes with 1001. */
    void goingAway() {
        WsSession s;
        synchronized (lock) {
            if (goingAway) {
                return;
            }
            goingAway = true;
            s = session;
        }
        if (s != null) {
            closeGoingAway(s);
        }
    }

    private void closeGoingAway(WsSession s) {
        later(() -> {
            try {
                s.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "the server is shutting down"));
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "closing " + s.getId() + " failed", e);
            }
        });
    }

    @Override
    public UpgradeContext context() {
        return context;
    }

    @Override
    public WriteQueue writes() {
        return writes;
    }
}
