package dev.freeway.it.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freeway.it.probe.ProbeDeployer;
import dev.freeway.it.probe.ProbeServlet;
import dev.freeway.it.probe.SessionProbe;
import dev.freeway.it.support.FreewayWar;
import dev.freeway.it.support.JdkClient;
import dev.freeway.it.support.Payloads;
import dev.freeway.it.support.ProbeReport;
import dev.freeway.it.support.RawWebSocket;
import dev.freeway.it.support.RecordingListener;
import java.net.URL;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Clients that go away without a close handshake: the server must notice, call {@code onClose}
 * with 1006 once, drop the session from {@code getOpenSessions}, fail a stream handler that waits
 * for the rest of a message, and keep nothing: the probe's count of open sessions returns to 0.
 *
 * <p>Raw connections send {@code Content-Length: 0} (see {@code ContainerDefects}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class VanishingClientIT {

    private static final Duration SERVER_NOTICES = Duration.ofSeconds(10);

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return FreewayWar.create("vanish", RecordingEndpoint.class, RecordingDeployer.class, ProbeDeployer.class,
                SessionProbe.class, ProbeServlet.class);
    }

    @Test
    void clientGoneInTheMiddleOfAFrame() throws Exception {
        ProbeReport before = ProbeReport.fetch(base, "probe");
        RawWebSocket ws = RawWebSocket.connect(base, "record", "Content-Length: 0");
        ws.sendText("are you there");
        assertThat(ws.readFrame().text()).isEqualTo("are you there");

        byte[] frame = RawWebSocket.encode(true, 0, RawWebSocket.TEXT, Payloads.text(1000).getBytes(), true);
        ws.sendBytes(Arrays.copyOf(frame, frame.length / 2));
        ws.close();

        assertClosedAbnormally(before, List.of());
    }

    @Test
    void clientGoneInTheMiddleOfAStreamedMessage() throws Exception {
        ProbeReport before = ProbeReport.fetch(base, "probe");
        RawWebSocket ws = RawWebSocket.connect(base, "record", "Content-Length: 0");
        ws.send(false, RawWebSocket.BINARY, Payloads.binary(3000));
        byte[] rest = RawWebSocket.encode(true, 0, 0x0, Payloads.binary(3000), true);
        ws.sendBytes(Arrays.copyOf(rest, 100));
        ws.close();

        // the handler read the first frame and must not wait forever for the rest
        assertClosedAbnormally(before, List.of("stream failed after "));
    }

    @Test
    void clientGoneWithoutAWord() throws Exception {
        ProbeReport before = ProbeReport.fetch(base, "probe");
        RawWebSocket ws = RawWebSocket.connect(base, "record", "Content-Length: 0");
        ProbeReport.await(base, "probe", SERVER_NOTICES, r -> r.number("opened") > before.number("opened"));
        ws.close();
        assertClosedAbnormally(before, List.of());
    }

    @Test
    void jdkClientAborts() throws Exception {
        ProbeReport before = ProbeReport.fetch(base, "probe");
        RecordingListener listener = new RecordingListener();
        WebSocket ws = JdkClient.connect(base, "record", listener);
        JdkClient.await(ws.sendText("hello", true));
        assertThat(listener.nextText()).isEqualTo("hello");
        ws.abort();
        assertClosedAbnormally(before, List.of());
    }

    /**
     * Waits until the session the test opened has closed, then checks that it closed with 1006,
     * was not listed as open when {@code onClose} ran, and that no session is left open.
     */
    private void assertClosedAbnormally(ProbeReport before, List<String> expectedEvents) throws Exception {
        ProbeReport after = ProbeReport.await(base, "probe", SERVER_NOTICES,
                r -> r.number("closed") == before.number("closed") + 1 && r.number("open") == 0);
        assertThat(after.number("opened")).isEqualTo(before.number("opened") + 1);
        List<String> events = after.eventsSince(before);
        assertThat(events).as("what the endpoint saw").contains("closed 1006 listed=false");
        for (String expected : expectedEvents) {
            assertThat(events).anySatisfy(event -> assertThat(event).startsWith(expected));
        }
    }
}
