package dev.freeway.it.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freeway.it.probe.ProbeDeployer;
import dev.freeway.it.probe.ProbeServlet;
import dev.freeway.it.probe.SessionProbe;
import dev.freeway.it.support.FreewayWar;
import dev.freeway.it.support.JdkClient;
import dev.freeway.it.support.ProbeReport;
import dev.freeway.it.support.RawHttpConnection;
import dev.freeway.it.support.RawWebSocket;
import java.net.URL;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The heartbeat, with short settings ({@code dev.freeway.pingInterval} and
 * {@code dev.freeway.pongTimeout} of 500 ms) and no idle timeout: a peer that keeps its socket
 * open but never reads nor answers, and one whose connection is reset, are closed (1006 to the
 * endpoint); a peer that answers pings, as browsers and the JDK client do by themselves, stays
 * open however long it says nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HeartbeatIT {

    private static final long PING_INTERVAL_MILLIS = 500;
    private static final long PONG_TIMEOUT_MILLIS = 500;
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return FreewayWar.contextParams(
                FreewayWar.create("heartbeat", RecordingEndpoint.class, RecordingDeployer.class, ProbeDeployer.class,
                        SessionProbe.class, ProbeServlet.class),
                Map.of("dev.freeway.pingInterval", String.valueOf(PING_INTERVAL_MILLIS),
                        "dev.freeway.pongTimeout", String.valueOf(PONG_TIMEOUT_MILLIS)));
    }

    /** Reads everything and counts the pings; the JDK client answers each with a pong by itself. */
    private static final class PingCounter implements WebSocket.Listener {
        final Semaphore pings = new Semaphore(0);

        @Override
        public void onOpen(WebSocket ws) {
            ws.request(Long.MAX_VALUE);
        }

        @Override
        public CompletionStage<?> onPing(WebSocket ws, ByteBuffer message) {
            pings.release();
            return null;
        }
    }

    @Test
    void aSilentPeerThatNeverReadsIsReaped() throws Exception {
        ProbeReport before = ProbeReport.fetch(base, "probe");
        // a small receive buffer, never read: the pings stay unanswered
        try (RawWebSocket ws = RawWebSocket.connect(RawHttpConnection.open(base, 8 * 1024), base, "record",
                "Content-Length: 0")) {
            long opened = System.nanoTime();
            awaitClosedAbnormally(before);
            long reapedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - opened);
            System.out.printf("heartbeat: a silent peer was reaped after %d ms (ping interval %d + pong timeout %d)%n",
                    reapedMillis, PING_INTERVAL_MILLIS, PONG_TIMEOUT_MILLIS);
            // never before the peer had its chance to answer
            assertThat(reapedMillis).isGreaterThanOrEqualTo(PING_INTERVAL_MILLIS + PONG_TIMEOUT_MILLIS);
        }
    }

    @Test
    void aPeerWhoseConnectionIsResetIsReaped() throws Exception {
        ProbeReport before = ProbeReport.fetch(base, "probe");
        RawHttpConnection connection = RawHttpConnection.open(base);
        RawWebSocket.connect(connection, base, "record", "Content-Length: 0");
        ProbeReport.await(base, "probe", PATIENCE, r -> r.number("opened") > before.number("opened"));
        connection.reset();
        awaitClosedAbnormally(before);
    }

    @Test
    void aPeerThatAnswersPingsStaysOpenThroughManyHeartbeats() throws Exception {
        ProbeReport before = ProbeReport.fetch(base, "probe");
        PingCounter counter = new PingCounter();
        WebSocket ws = JdkClient.await(JdkClient.HTTP.newWebSocketBuilder().buildAsync(JdkClient.ws(base, "record"), counter));
        // five pings, each sent after the interval of silence and answered: never a pong timeout
        assertThat(counter.pings.tryAcquire(5, PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).as("five pings").isTrue();
        ProbeReport during = ProbeReport.fetch(base, "probe");
        assertThat(during.number("closed")).as("no session closed").isEqualTo(before.number("closed"));
        assertThat(during.number("open")).isEqualTo(before.number("open") + 1);
        // and it still works
        JdkClient.await(ws.sendClose(WebSocket.NORMAL_CLOSURE, "done"));
        ProbeReport after = ProbeReport.await(base, "probe", PATIENCE, r -> r.number("closed") == before.number("closed") + 1);
        assertThat(after.eventsSince(before)).contains("closed 1000 listed=false");
    }

    private void awaitClosedAbnormally(ProbeReport before) throws Exception {
        ProbeReport after = ProbeReport.await(base, "probe", PATIENCE,
                r -> r.number("closed") == before.number("closed") + 1 && r.number("open") == before.number("open"));
        List<String> events = after.eventsSince(before);
        assertThat(events).as("what the endpoint saw").contains("closed 1006 listed=false");
    }
}
