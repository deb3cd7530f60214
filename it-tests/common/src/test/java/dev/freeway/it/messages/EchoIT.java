package dev.freeway.it.messages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freeway.it.support.FreewayWar;
import dev.freeway.it.support.JdkClient;
import dev.freeway.it.support.Payloads;
import dev.freeway.it.support.RecordingListener;
import java.net.URL;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
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
 * Whole messages through the JDK's client: text and binary echoes at the sizes where the frame
 * header changes (0, 125, 126 bytes; 64 KiB, the first 8-byte length) and a large one (16 MiB);
 * fragmented messages reassembled; and the buffer limits, from context parameters and from
 * {@code @OnMessage(maxMessageSize)}, answered with 1009.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EchoIT {

    /** The WAR-wide limit for whole messages, in bytes, set by context parameters. */
    private static final int WAR_LIMIT = 1024;
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return FreewayWar.contextParams(
                FreewayWar.create("echo", BigEchoEndpoint.class, LimitedEchoEndpoint.class, CappedEchoEndpoint.class),
                Map.of("dev.freeway.maxTextMessageBufferSize", String.valueOf(WAR_LIMIT),
                        "dev.freeway.maxBinaryMessageBufferSize", String.valueOf(WAR_LIMIT)));
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 125, 126, 64 * 1024, 16 * 1024 * 1024})
    void echoesText(int size) throws Exception {
        String message = Payloads.text(size);
        RecordingListener listener = new RecordingListener();
        WebSocket ws = JdkClient.connect(base, "big", listener);
        JdkClient.await(ws.sendText(message, true));
        String echo = listener.nextText();
        // compare digests first: a failed 16 MiB string comparison would flood the report
        assertThat(Payloads.sha256(echo)).as("echo of %d bytes", size).isEqualTo(Payloads.sha256(message));
        assertThat(echo).isEqualTo(message);
        JdkClient.closeNormally(ws, listener);
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 125, 126, 64 * 1024, 16 * 1024 * 1024})
    void echoesBinary(int size) throws Exception {
        byte[] message = Payloads.binary(size);
        RecordingListener listener = new RecordingListener();
        WebSocket ws = JdkClient.connect(base, "big", listener);
        JdkClient.await(ws.sendBinary(ByteBuffer.wrap(message), true));
        byte[] echo = listener.nextBinary();
        assertThat(echo.length).isEqualTo(size);
        assertThat(Payloads.sha256(echo)).isEqualTo(Payloads.sha256(message));
        JdkClient.closeNormally(ws, listener);
    }

    @Test
    void reassemblesFragmentedText() throws Exception {
        RecordingListener listener = new RecordingListener();
        WebSocket ws = JdkClient.connect(base, "big", listener);
        JdkClient.await(ws.sendText("Free", false));
        JdkClient.await(ws.sendText("", false)); // an empty continuation frame is legal
        JdkClient.await(ws.sendText("way \u20ac", false));
        JdkClient.await(ws.sendText("!", true));
        assertThat(listener.nextText()).isEqualTo("Freeway \u20ac!");
        // and the next message is a message of its own
        JdkClient.await(ws.sendText("next", true));
        assertThat(listener.nextText()).isEqualTo("next");
        JdkClient.closeNormally(ws, listener);
    }

    @Test
    void reassemblesFragmentedBinary() throws Exception {
        byte[] message = Payloads.binary(100_000);
        RecordingListener listener = new RecordingListener();
        WebSocket ws = JdkClient.connect(base, "big", listener);
        for (int offset = 0; offset < message.length; offset += 30_000) {
            int end = Math.min(message.length, offset + 30_000);
            JdkClient.await(ws.sendBinary(ByteBuffer.wrap(Arrays.copyOfRange(message, offset, end)), end == message.length));
        }
        assertThat(listener.nextBinary()).isEqualTo(message);
        JdkClient.closeNormally(ws, listener);
    }

    @Test
    void takesTextUpToTheWarLimitAndClosesWith1009Beyond() throws Exception {
        RecordingListener listener = new RecordingListener();
        WebSocket ws = JdkClient.connect(base, "limited", listener);
        String atLimit = Payloads.text(WAR_LIMIT);
        JdkClient.await(ws.sendText(atLimit, true));
        assertThat(listener.nextText()).isEqualTo(atLimit);

        ws.sendText(Payloads.text(WAR_LIMIT + 1), true);
        assertThat(listener.awaitClose(CLOSE_WAIT).code()).isEqualTo(1009);
        assertThat(listener.pollMessage()).as("nothing echoed of the refused message").isNull();
    }

    @Test
    void takesBinaryUpToTheWarLimitAndClosesWith1009Beyond() throws Exception {
        RecordingListener listener = new RecordingListener();
        WebSocket ws = JdkClient.connect(base, "limited", listener);
        byte[] atLimit = Payloads.binary(WAR_LIMIT);
        JdkClient.await(ws.sendBinary(ByteBuffer.wrap(atLimit), true));
        assertThat(listener.nextBinary()).isEqualTo(atLimit);

        ws.sendBinary(ByteBuffer.wrap(Payloads.binary(WAR_LIMIT + 1)), true);
        assertThat(listener.awaitClose(CLOSE_WAIT).code()).isEqualTo(1009);
    }

    @Test
    void countsFragmentsTogetherAgainstTheLimit() throws Exception {
        RecordingListener listener = new RecordingListener();
        WebSocket ws = JdkClient.connect(base, "limited", listener);
        // each fragment is within the limit, the message is not
        String fragment = Payloads.text(400);
        JdkClient.await(ws.sendText(fragment, false));
        JdkClient.await(ws.sendText(fragment, false));
        ws.sendText(fragment, true);
        assertThat(listener.awaitClose(CLOSE_WAIT).code()).isEqualTo(1009);
        assertThat(listener.pollMessage()).isNull();
    }

    @Test
    void annotationLimitAppliesBelowTheWarLimit() throws Exception {
        RecordingListener listener = new RecordingListener();
        WebSocket ws = JdkClient.connect(base, "capped", listener);
        String atLimit = Payloads.text(CappedEchoEndpoint.LIMIT);
        JdkClient.await(ws.sendText(atLimit, true));
        assertThat(listener.nextText()).isEqualTo(atLimit);

        ws.sendText(Payloads.text(CappedEchoEndpoint.LIMIT + 1), true);
        assertThat(listener.awaitClose(CLOSE_WAIT).code()).isEqualTo(1009);
    }
}
