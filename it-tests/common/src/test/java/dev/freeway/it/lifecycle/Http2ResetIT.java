package dev.freeway.it.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.freeway.it.probe.ProbeDeployer;
import dev.freeway.it.probe.ProbeServlet;
import dev.freeway.it.probe.SessionProbe;
import dev.freeway.it.support.FreewayWar;
import dev.freeway.it.support.Payloads;
import dev.freeway.it.support.ProbeReport;
import dev.freeway.it.support.RawWebSocket;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HostPortHttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpScheme;
import org.eclipse.jetty.http.MetaData;
import org.eclipse.jetty.http2.ErrorCode;
import org.eclipse.jetty.http2.api.Session;
import org.eclipse.jetty.http2.api.Stream;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.frames.DataFrame;
import org.eclipse.jetty.http2.frames.HeadersFrame;
import org.eclipse.jetty.http2.frames.ResetFrame;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A WebSocket over an HTTP/2 stream (RFC 8441) whose peer resets the stream in the middle of a
 * message, made by hand with Jetty's low-level {@link HTTP2Client}: the stream's reset is the TCP
 * close of HTTP/1.1, so the session gets {@code onClose} with 1006 and nothing stays open. Runs
 * where the container serves h2c with RFC 8441 ({@code freeway.it.h2c}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class Http2ResetIT {

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return FreewayWar.create("h2-reset", RecordingEndpoint.class, RecordingDeployer.class, ProbeDeployer.class,
                SessionProbe.class, ProbeServlet.class);
    }

    @Test
    void aStreamResetInTheMiddleOfAMessageEndsTheSessionWith1006() throws Exception {
        assumeTrue(Boolean.getBoolean("freeway.it.h2c"), "the container serves no h2c with RFC 8441");
        ProbeReport before = ProbeReport.fetch(base, "probe");
        HTTP2Client client = new HTTP2Client();
        client.start();
        try {
            Session session = client.connect(new InetSocketAddress(base.getHost(), base.getPort()),
                    new Session.Listener() { }).get(10, TimeUnit.SECONDS);
            MetaData.ConnectRequest connect = new MetaData.ConnectRequest(HttpScheme.HTTP,
                    new HostPortHttpField(base.getHost() + ":" + base.getPort()), base.getPath() + "record",
                    HttpFields.build().put("sec-websocket-version", "13"), "websocket");
            Received received = new Received();
            Stream stream = session.newStream(new HeadersFrame(connect, null, false), received).get(10, TimeUnit.SECONDS);

            send(stream, RawWebSocket.encode(true, 0, RawWebSocket.TEXT, "are you there".getBytes(StandardCharsets.UTF_8), true));
            ProbeReport.await(base, "probe", Duration.ofSeconds(10), r -> received.text().contains("are you there"));
            byte[] frame = RawWebSocket.encode(true, 0, RawWebSocket.TEXT, Payloads.text(1000).getBytes(), true);
            send(stream, Arrays.copyOf(frame, frame.length / 2));
            stream.reset(new ResetFrame(stream.getId(), ErrorCode.CANCEL_STREAM_ERROR.code)).get(10, TimeUnit.SECONDS);

            ProbeReport after = ProbeReport.await(base, "probe", Duration.ofSeconds(10),
                    r -> r.number("closed") == before.number("closed") + 1 && r.number("open") == 0);
            assertThat(after.eventsSince(before)).as("what the endpoint saw").contains("closed 1006 listed=false open=false");
            assertThat(received.status).isEqualTo(200);
        } finally {
            client.stop();
        }
    }

    private static void send(Stream stream, byte[] bytes) throws Exception {
        stream.data(new DataFrame(stream.getId(), ByteBuffer.wrap(bytes), false)).get(10, TimeUnit.SECONDS);
    }

    /** The stream's response status and the bytes of its DATA frames. */
    private static final class Received implements Stream.Listener {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private volatile int status;

        @Override
        public void onHeaders(Stream stream, HeadersFrame frame) {
            if (frame.getMetaData() instanceof MetaData.Response response) {
                status = response.getStatus();
            }
            stream.demand();
        }

        @Override
        public void onDataAvailable(Stream stream) {
            Stream.Data data = stream.readData();
            if (data == null) {
                stream.demand();
                return;
            }
            ByteBuffer b = data.frame().getByteBuffer();
            synchronized (bytes) {
                while (b.hasRemaining()) {
                    bytes.write(b.get());
                }
            }
            boolean last = data.frame().isEndStream();
            data.release();
            if (!last) {
                stream.demand();
            }
        }

        String text() {
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.ISO_8859_1);
            }
        }
    }
}
