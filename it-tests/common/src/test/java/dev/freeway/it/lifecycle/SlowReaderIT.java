package dev.freeway.it.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freeway.it.probe.ProbeDeployer;
import dev.freeway.it.probe.ProbeServlet;
import dev.freeway.it.probe.SessionProbe;
import dev.freeway.it.support.FreewayWar;
import dev.freeway.it.support.ProbeReport;
import dev.freeway.it.support.RawHttpConnection;
import dev.freeway.it.support.RawWebSocket;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A client that stops reading while the server sends: with {@code dev.freeway.asyncSendTimeout}
 * and {@code dev.freeway.maxOutboundBytes} set small in web.xml, a blocking send fails with a
 * timeout, asynchronous sends are refused once the outbound limit is reached (memory stays
 * bounded, whatever the application does) and time out, and either way the session is closed
 * and gone. The client is a raw socket with a small receive buffer that never reads.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SlowReaderIT {

    private static final long SEND_TIMEOUT_MILLIS = 1000;
    private static final long MAX_OUTBOUND_BYTES = 256 * 1024;
    private static final Duration SERVER_GIVES_UP = Duration.ofSeconds(20);

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return FreewayWar.contextParams(
                FreewayWar.create("slow", FloodEndpoint.class, FloodDeployer.class, ProbeDeployer.class,
                        SessionProbe.class, ProbeServlet.class),
                Map.of("dev.freeway.asyncSendTimeout", String.valueOf(SEND_TIMEOUT_MILLIS),
                        "dev.freeway.maxOutboundBytes", String.valueOf(MAX_OUTBOUND_BYTES)));
    }

    @Test
    void blockingSendToAClientThatDoesNotReadFailsWithATimeout() throws Exception {
        ProbeReport before = settled();
        try (RawWebSocket ws = nonReadingClient()) {
            ws.sendText("blocking");
            String failure = awaitEvent(before, "blocking send failed");
            assertThat(failure).contains("SendTimeoutException");
            long took = Long.parseLong(failure.replaceAll(".*the failing send took (\\d+) ms.*", "$1"));
            assertThat(took).as("the failing send waited for the timeout").isGreaterThanOrEqualTo(SEND_TIMEOUT_MILLIS - 50);
        }
    }

    @Test
    void asyncSendsAreRefusedOnceTheOutboundLimitIsReached() throws Exception {
        ProbeReport before = settled();
        try (RawWebSocket ws = nonReadingClient()) {
            ws.sendText("async");
            // memory is bounded: once the peer stops reading, queued bytes stop at the limit
            String refusal = awaitEvent(before, "OutboundFullException");
            assertThat(refusal).startsWith("async send").contains("(limit " + MAX_OUTBOUND_BYTES + ")");
        }
    }

    @Test
    void asyncSendToAClientThatDoesNotReadFailsWithATimeout() throws Exception {
        ProbeReport before = settled();
        try (RawWebSocket ws = nonReadingClient()) {
            ws.sendText("async");
            awaitEvent(before, "OutboundFullException");
            // the send's own handler hears of the timeout (as does onError, in either order)
            awaitEvent(before, "async send", "SendTimeoutException");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"blocking", "async"})
    void sessionEndsAfterASendTimeout(String how) throws Exception {
        ProbeReport before = settled();
        try (RawWebSocket ws = nonReadingClient()) {
            ws.sendText(how);
            awaitEvent(before, "failed");
            ProbeReport after = ProbeReport.await(base, "probe", SERVER_GIVES_UP,
                    r -> r.number("closed") == before.number("closed") + 1 && r.number("open") == 0);
            assertThat(after.eventsSince(before))
                    .anySatisfy(event -> assertThat(event).startsWith("closed ").endsWith("listed=false open=false"));
            // and the server dropped the TCP connection: what it had sent, then the end
            ws.connection().readTimeout(Duration.ofSeconds(10));
            byte[] buffer = new byte[64 * 1024];
            while (ws.connection().input().read(buffer) >= 0) {
                // drain
            }
        }
    }

    /**
     * The probe once the sessions of earlier tests are gone: the server drops a non-reading peer
     * only after its send timeout, which may still be running when the next test starts, and a
     * close counted after this report would pass for this test's.
     */
    private ProbeReport settled() throws Exception {
        return ProbeReport.await(base, "probe", SERVER_GIVES_UP, r -> r.number("open") == 0);
    }

    /** A handshake, then nothing is ever read; a small receive buffer keeps the kernel from reading for us. */
    private RawWebSocket nonReadingClient() throws Exception {
        return RawWebSocket.connect(RawHttpConnection.open(base, 8 * 1024), base, "flood", "Content-Length: 0");
    }

    /** Waits until an event since {@code before} contains all of {@code texts}; returns that event. */
    private String awaitEvent(ProbeReport before, String... texts) throws Exception {
        java.util.function.Predicate<String> matches = e -> java.util.Arrays.stream(texts).allMatch(e::contains);
        ProbeReport report = ProbeReport.await(base, "probe", SERVER_GIVES_UP,
                r -> r.eventsSince(before).stream().anyMatch(matches));
        return report.eventsSince(before).stream().filter(matches).findFirst().orElseThrow();
    }
}
