package dev.freeway.container.session;

import dev.freeway.container.Transport;
import dev.freeway.container.TransportListener;
import dev.freeway.engine.Connection;
import dev.freeway.engine.Event;
import dev.freeway.engine.RemoteProtocolError;

import java.nio.ByteBuffer;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The receiving side of a session: takes buffers from the transport, runs them through the
 * engine and hands the events to the dispatcher, one thread at a time.
 *
 * <p>Reading is demand-driven. The next buffer is asked for only when the current one is used
 * up and nothing holds reading back: the application's pause, a full stream pipe, or a stream
 * handler still working on the previous message. While held back, the current buffer stays
 * with us and the transport reads nothing more.
 */
final class Inbound implements TransportListener {
    /** Reasons to hold reading back (bits). */
    static final int USER = 1;
    static final int PIPE = 2;
    static final int HANDLER = 4;

    private final WsSession session;
    private final Connection engine;
    private final ReentrantLock engineLock;
    private final Transport transport;
    private final InboundDispatcher dispatcher;

    private final Object gate = new Object();
    private int held;
    private boolean draining;
    private boolean again;
    private boolean stopped;
    /** A demand is out and no buffer has come for it yet: never demand twice for one buffer. */
    private boolean demandPending;

    Inbound(WsSession session, Connection engine, ReentrantLock engineLock, Transport transport) {
        this.session = session;
        this.engine = engine;
        this.engineLock = engineLock;
        this.transport = transport;
        this.dispatcher = new InboundDispatcher(session);
    }

    @Override
    public void onData(ByteBuffer data) {
        session.heard(); // alive; whether it was traffic (the idle timeout's business) the dispatcher tells
        session.counters().bytesReceived(data.remaining());
        engineLock.lock();
        try {
            engine.receive(data);
        } finally {
            engineLock.unlock();
        }
        // Only now is the demand answered, and in the same step as a running drain is told to
        // look again: a drain deciding between the two would find the engine empty, see no
        // demand out, and ask for another buffer while this one is unread (the transport would
        // then reuse its array under the engine).
        synchronized (gate) {
            demandPending = false;
            if (!startDraining()) {
                return;
            }
        }
        drainLoop();
    }

    @Override
    public void onEnd() {
        engineLock.lock();
        try {
            engine.receiveEnd();
        } finally {
            engineLock.unlock();
        }
        drain();
    }

    @Override
    public void onError(Throwable error) {
        stop();
        dispatcher.abort(new java.io.IOException("the connection failed", error));
        session.onTransportError(error);
    }

    void suspend(int reason) {
        synchronized (gate) {
            held |= reason;
        }
    }

    /** Lifts a hold; reading goes on on the executor (never on the caller's stack). */
    void resume(int reason) {
        boolean go;
        synchronized (gate) {
            go = (held & reason) != 0;
            held &= ~reason;
            go = go && held == 0;
        }
        if (go) {
            session.settings().executor().execute(this::drain);
        }
    }

    boolean isHeld(int reason) {
        synchronized (gate) {
            return (held & reason) != 0;
        }
    }

    /**
     * Whether a demand is out that no bytes have answered yet: only while the session reads does
     * the peer's silence say anything about the peer. Held back (the application paused, a stream
     * pipe is full) or busy in a handler, the session reads nothing, and a pong waits unread.
     */
    boolean awaitingBytes() {
        synchronized (gate) {
            return demandPending && !stopped;
        }
    }

    /** No more events: the session is over. */
    void stop() {
        synchronized (gate) {
            stopped = true;
        }
    }

    /** Takes events until the input is used up or reading is held back; then asks for more if it may. */
    void drain() {
        synchronized (gate) {
            if (!startDraining()) {
                return;
            }
        }
        drainLoop();
    }

    /** Under {@code gate}: whether this thread is now the one draining (else the drainer looks again). */
    private boolean startDraining() {
        if (draining) {
            again = true;
            return false;
        }
        draining = true;
        return true;
    }

    private void drainLoop() {
        while (true) {
            boolean wantMore = takeEvents();
            synchronized (gate) {
                if (again) {
                    again = false;
                    continue;
                }
                draining = false;
                // A drain that found nothing new (after a resume, say) must not demand again: the
                // transport would take back a buffer whose demand is still outstanding.
                wantMore = wantMore && held == 0 && !stopped && !demandPending;
                if (wantMore) {
                    demandPending = true;
                }
            }
            if (wantMore) {
                transport.demand();
            }
            return;
        }
    }

    /** @return whether the input was used up (as opposed to held back or stopped) */
    private boolean takeEvents() {
        while (true) {
            synchronized (gate) {
                if (held != 0 || stopped) {
                    return false;
                }
            }
            Event event = null;
            boolean owes = false;
            RemoteProtocolError error = null;
            engineLock.lock();
            try {
                event = engine.nextEvent();
                owes = engine.hasPendingOutput();
            } catch (RemoteProtocolError e) {
                error = e;
            } finally {
                engineLock.unlock();
            }
            if (error != null) {
                // outside the engine lock: the session answers with a close frame, which takes it
                stop();
                dispatcher.abort(new java.io.IOException(error.getMessage(), error));
                session.onProtocolError(error);
                return false;
            }
            if (owes) {
                // Only then: taking the engine lock again for nothing, event after event, costs.
                session.outbound().flushOwed();
            }
            if (event == null) {
                return true;
            }
            try {
                dispatcher.dispatch(event);
            } catch (VirtualMachineError fatal) {
                throw fatal; // out of memory or stack: nothing here can recover
            } catch (Throwable t) {
                session.handlerFailed(t);
            }
        }
    }
}
