package dev.freeway.container.session;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Liveness by heartbeat, for one session: timestamps the session's sweep compares with the clock,
 * no task of its own. A peer heard nothing from (no byte at all) for the ping interval is sent a
 * ping; one that then sends nothing within the pong timeout is dead. A peer that talks is never
 * pinged, and any byte from it counts as an answer, so a peer reading slowly behind its own
 * traffic is not taken for dead. Browsers answer pings by themselves, so live idle connections
 * stay open, unlike with an idle timeout.
 */
final class Heartbeat {
    /** What the sweep is to do. */
    enum Due {
        NOTHING, PING, DEAD
    }

    /** The payload of Freeway's heartbeat pings; a pong echoing it is not passed to the application. */
    private static final byte[] PAYLOAD = "freeway-heartbeat".getBytes(StandardCharsets.US_ASCII);

    private final long intervalNanos;
    private final long timeoutNanos;
    /** When a byte last came from the peer. */
    private volatile long lastHeard;
    /** When the ping now unanswered went out; 0 when none is. Only the sweep writes it. */
    private volatile long pingSent;

    /**
     * @param intervalMillis silence before a ping; 0 or less for no heartbeat
     * @param timeoutMillis  how long a ping may stay unanswered
     */
    Heartbeat(long intervalMillis, long timeoutMillis, long nowNanos) {
        this.intervalNanos = intervalMillis > 0 ? TimeUnit.MILLISECONDS.toNanos(intervalMillis) : 0;
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        this.lastHeard = nowNanos;
    }

    /** Bytes came from the peer: it is alive. */
    void heard(long nowNanos) {
        lastHeard = nowNanos;
    }

    /** Called by the one sweeping thread: what is due at {@code nowNanos}. */
    Due check(long nowNanos) {
        if (intervalNanos == 0) {
            return Due.NOTHING;
        }
        long sent = pingSent;
        long heard = lastHeard;
        if (sent != 0) {
            if (heard - sent < 0) {
                return nowNanos - sent > timeoutNanos ? Due.DEAD : Due.NOTHING;
            }
            pingSent = 0; // answered (or the peer spoke)
        }
        if (nowNanos - heard > intervalNanos) {
            pingSent = nowNanos == 0 ? 1 : nowNanos;
            return Due.PING;
        }
        return Due.NOTHING;
    }

    /** How long a ping may stay unanswered, for the close reason. */
    long timeoutMillis() {
        return TimeUnit.NANOSECONDS.toMillis(timeoutNanos);
    }

    /** A fresh copy each time: a client's engine masks what it sends in place. */
    static ByteBuffer pingPayload() {
        return ByteBuffer.wrap(PAYLOAD.clone());
    }

    /** Whether {@code payload} is the answer to a heartbeat ping, the container's business alone. */
    static boolean isHeartbeatPong(ByteBuffer payload) {
        return payload.remaining() == PAYLOAD.length && ByteBuffer.wrap(PAYLOAD).equals(payload);
    }
}
