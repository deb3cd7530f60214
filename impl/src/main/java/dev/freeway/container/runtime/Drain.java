package dev.freeway.container.runtime;

import jakarta.websocket.CloseReason;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * How a container that goes away (a web application undeployed, its server stopping, a client
 * container closed) ends its connections, the same for every transport: every session is sent its
 * close frame at once, none waiting for a frame to be written, so that one peer that reads nothing
 * holds up nobody; the peers then have until one deadline to answer, and the connections left at
 * the deadline are dropped. The close timeout plays no part: a container stopping must not take
 * 5 s per step because one client never answers.
 *
 * <p>The caller's thread waits, looking every few milliseconds; the closes run on the container's
 * bounded workers, so nothing is started per connection.
 */
final class Drain {
    private static final System.Logger LOG = System.getLogger(Drain.class.getName());
    private static final long POLL_MILLIS = 10;

    private Drain() {
    }

    /**
     * Closes every connection of {@code sweeper} with {@code reason} and waits for the peers until
     * {@code deadlineNanos} ({@link System#nanoTime()}); drops those left.
     *
     * @param workers where the closes run: each calls its endpoint's {@code onClose}, application
     *                code that may take its time, and the deadline must hold all the same (the
     *                workers still busy at the deadline are interrupted when the threads stop)
     */
    static void run(SessionSweeper sweeper, Executor workers, CloseReason reason, long deadlineNanos) {
        List<SessionSweeper.Sweepable> sessions = sweeper.registered();
        for (SessionSweeper.Sweepable s : sessions) {
            try {
                workers.execute(() -> goAway(s, reason));
            } catch (RejectedExecutionException full) {
                goAway(s, reason);
            }
        }
        boolean interrupted = false;
        while (!sweeper.isEmpty() && System.nanoTime() - deadlineNanos < 0) {
            try {
                Thread.sleep(Math.min(POLL_MILLIS, Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()))));
            } catch (InterruptedException e) {
                interrupted = true; // a stop that is interrupted still ends every connection, at once
                break;
            }
        }
        List<SessionSweeper.Sweepable> left = sweeper.registered();
        if (!left.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "{0} of {1} peers did not answer the close in time; dropping their"
                    + " connections", left.size(), sessions.size());
        }
        for (SessionSweeper.Sweepable s : left) {
            try {
                s.drop();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "dropping a connection failed", e);
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void goAway(SessionSweeper.Sweepable s, CloseReason reason) {
        try {
            s.goAway(reason);
        } catch (RuntimeException e) { // one endpoint's onClose must not spare the others their 1001
            LOG.log(System.Logger.Level.WARNING, "closing a session failed", e);
        }
    }
}
