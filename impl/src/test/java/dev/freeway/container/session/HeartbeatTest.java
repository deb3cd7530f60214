package dev.freeway.container.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freeway.container.session.Heartbeat.Due;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/** The heartbeat's timestamps, on a clock the test moves (interval 30 s, timeout 10 s). */
class HeartbeatTest {
    private static final long START = 1_000_000_000L;

    private static long at(long seconds) {
        return START + TimeUnit.SECONDS.toNanos(seconds);
    }

    @Test
    void aSilentPeerIsPingedAfterTheIntervalAndDeadAfterTheTimeout() {
        Heartbeat h = new Heartbeat(30_000, 10_000, START);
        assertThat(h.check(at(29))).isEqualTo(Due.NOTHING);
        assertThat(h.check(at(31))).isEqualTo(Due.PING);
        assertThat(h.check(at(35))).as("waiting for the answer").isEqualTo(Due.NOTHING);
        assertThat(h.check(at(42))).isEqualTo(Due.DEAD);
    }

    @Test
    void anAnswerOrAnyTrafficKeepsThePeerAlive() {
        Heartbeat h = new Heartbeat(30_000, 10_000, START);
        assertThat(h.check(at(31))).isEqualTo(Due.PING);
        h.heard(at(32)); // the pong
        assertThat(h.check(at(42))).isEqualTo(Due.NOTHING);
        assertThat(h.check(at(63))).as("the next ping, an interval after the answer").isEqualTo(Due.PING);
        h.heard(at(64));
        for (long s = 65; s < 200; s += 5) {
            h.heard(at(s)); // a peer that talks is never pinged
            assertThat(h.check(at(s))).isEqualTo(Due.NOTHING);
        }
    }

    @Test
    void noIntervalNoHeartbeat() {
        Heartbeat h = new Heartbeat(0, 10_000, START);
        assertThat(h.check(at(100_000))).isEqualTo(Due.NOTHING);
    }

    @Test
    void onlyTheHeartbeatsOwnPongIsRecognised() {
        assertThat(Heartbeat.isHeartbeatPong(Heartbeat.pingPayload())).isTrue();
        assertThat(Heartbeat.isHeartbeatPong(ByteBuffer.wrap(new byte[] {1, 2}))).isFalse();
        assertThat(Heartbeat.isHeartbeatPong(ByteBuffer.allocate(0))).isFalse();
    }
}
