package dev.freeway.it.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freeway.it.support.FreewayWar;
import dev.freeway.it.support.JdkClient;
import dev.freeway.it.support.RecordingListener;
import java.net.URL;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Idle timeouts, through the JDK's client: the WAR's {@code dev.freeway.maxIdleTimeout} closes a
 * quiet session with 1001 no sooner than the timeout and not much later (Freeway sweeps sessions
 * every 250 ms); traffic keeps a session open; {@code Session.setMaxIdleTimeout} overrides the WAR's
 * value, both shorter and off (0).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IdleTimeoutIT {

    private static final long WAR_IDLE_MILLIS = 1000;
    /** The sweep period and scheduling jitter on a busy 2-core machine. */
    private static final long LATE_MILLIS = 1500;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return FreewayWar.contextParams(FreewayWar.create("idle", IdleEchoEndpoint.class),
                Map.of("dev.freeway.maxIdleTimeout", String.valueOf(WAR_IDLE_MILLIS)));
    }

    @Test
    void closesAQuietSessionWith1001AfterTheWarsTimeout() throws Exception {
        RecordingListener listener = new RecordingListener();
        long start = System.nanoTime();
        JdkClient.connect(base, "idle", listener);
        RecordingListener.CloseFrame close = listener.awaitClose(Duration.ofSeconds(10));
        assertThat(close.code()).isEqualTo(1001);
        assertThat(close.reason()).contains("idle");
        assertThat(millisBetween(start, close.nanoTime())).isBetween(WAR_IDLE_MILLIS, WAR_IDLE_MILLIS + LATE_MILLIS);
    }

    @Test
    void trafficKeepsTheSessionOpen() throws Exception {
        RecordingListener listener = new RecordingListener();
        WebSocket ws = JdkClient.connect(base, "idle", listener);
        long lastSent = 0;
        // twice the timeout in all, but never more than 40 % of it between two messages
        for (int i = 0; i < 5; i++) {
            lastSent = System.nanoTime();
            JdkClient.await(ws.sendText("tick " + i, true));
            assertThat(listener.nextText()).isEqualTo("tick " + i);
            Thread.sleep(WAR_IDLE_MILLIS * 4 / 10);
        }
        assertThat(listener.closed()).as("still open after %d ms of traffic", 5 * WAR_IDLE_MILLIS * 4 / 10).isNotDone();
        RecordingListener.CloseFrame close = listener.awaitClose(Duration.ofSeconds(10));
        assertThat(close.code()).isEqualTo(1001);
        assertThat(millisBetween(lastSent, close.nanoTime())).isGreaterThanOrEqualTo(WAR_IDLE_MILLIS);
    }

    @Test
    void sessionSetterShortensTheTimeout() throws Exception {
        RecordingListener listener = new RecordingListener();
        long start = System.nanoTime();
        JdkClient.connect(base, "idle?idle=200", listener);
        RecordingListener.CloseFrame close = listener.awaitClose(Duration.ofSeconds(10));
        assertThat(close.code()).isEqualTo(1001);
        // the session's timeout struck, not the WAR's (the reason names it: timing alone cannot
        // tell them apart on a busy machine)
        assertThat(close.reason()).contains("no traffic for 200 ms");
        assertThat(millisBetween(start, close.nanoTime())).isGreaterThanOrEqualTo(200L);
    }

    @Test
    void sessionSetterTurnsTheTimeoutOff() throws Exception {
        RecordingListener listener = new RecordingListener();
        WebSocket ws = JdkClient.connect(base, "idle?idle=0", listener);
        Thread.sleep(WAR_IDLE_MILLIS + 700);
        assertThat(listener.closed()).as("no idle timeout").isNotDone();
        JdkClient.await(ws.sendText("still here", true));
        assertThat(listener.nextText()).isEqualTo("still here");
        JdkClient.closeNormally(ws, listener);
    }

    private static long millisBetween(long startNanos, long endNanos) {
        return Duration.ofNanos(endNanos - startNanos).toMillis();
    }
}
