package dev.freeway.container.runtime;

import jakarta.websocket.CloseReason;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One timer for all sessions: every sweep, each registered session compares its own timestamps
 * (last activity, close deadline) with the clock. No task is scheduled per message or per
 * session, so traffic costs nothing but a timestamp write.
 */
public final class SessionSweeper {
    /** How often to look; idle timeouts are honoured to within this much. */
    static final long PERIOD_MILLIS = 250;

    /** What the sweeper asks of a session. */
    public interface Sweepable {
        /** Checks timestamps against {@code nowNanos} and acts (closes) if one has passed. */
        void sweep(long nowNanos);

        /**
         * Starts a close with {@code reason} without waiting for the close frame to be written:
         * a container going away must not wait for one peer that reads nothing before it tells
         * the next.
         */
        void goAway(CloseReason reason);

        /** Ends the connection now, answered or not (a container going away has waited enough). */
        void drop();
    }

    private final Set<Sweepable> sessions = ConcurrentHashMap.newKeySet();
    private final ScheduledFuture<?> task;

    SessionSweeper(ScheduledExecutorService scheduler) {
        this.task = scheduler.scheduleWithFixedDelay(this::sweepAll, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    public void add(Sweepable s) {
        sessions.add(s);
    }

    public void remove(Sweepable s) {
        sessions.remove(s);
    }

    /** Whether no session is registered: every connection has ended. */
    boolean isEmpty() {
        return sessions.isEmpty();
    }

    /** The sessions registered now (each stays until its connection has ended). */
    List<Sweepable> registered() {
        return List.copyOf(sessions);
    }

    void stop() {
        task.cancel(false);
    }

    private void sweepAll() {
        long now = System.nanoTime();
        for (Sweepable s : sessions) {
            try {
                s.sweep(now);
            } catch (RuntimeException e) {
                System.getLogger(SessionSweeper.class.getName())
                        .log(System.Logger.Level.WARNING, "sweeping a session failed", e);
            }
        }
    }
}
