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

/**
 * The other ways an endpoint can take a message, through the JDK's client: in parts
 * ({@code boolean last}), as a {@code Reader} or {@code InputStream} (which the WAR's small buffer
 * limit must not apply to: nothing is buffered whole), and decoded and encoded by the endpoint's
 * codecs.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HandlersIT {

    /** Small on purpose: streamed and partial messages far beyond it must still go through. */
    private static final int WAR_LIMIT = 1024;
    /** Larger than the WAR limit and than the stream handlers' pipe (64 KiB). */
    private static final int STREAMED_SIZE = 300_000;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return FreewayWar.contextParams(
                FreewayWar.create("handlers", Digest.class, PartialTextEndpoint.class, PartialBinaryEndpoint.class,
                        ReaderEndpoint.class, InputStreamEndpoint.class, CodecEndpoint.class, Vector.class,
                        VectorDecoder.class, VectorEncoder.class, Numbers.class, NumbersDecoder.class, SumEncoder.class),
                Map.of("dev.freeway.maxTextMessageBufferSize", String.valueOf(WAR_LIMIT),
                        "dev.freeway.maxBinaryMessageBufferSize", String.valueOf(WAR_LIMIT)));
    }

    @Test
    void partialTextHandlerGetsEveryFragmentAndLastOnlyAtTheEnd() throws Exception {
        RecordingListener listener = new RecordingListener();
        WebSocket ws = JdkClient.connect(base, "partial-text", listener);
        String[] fragments = {"one \u20ac, ", "two \u00e9, ", "three"};
        for (int i = 0; i < fragments.length; i++) {
            JdkClient.await(ws.sendText(fragments[i], i == fragments.length - 1));
        }
        String answer = listener.nextText();
        String text = String.join("", fragments);
        assertThat(answer).endsWith(";text=" + text);
        // at least one part per non-empty frame; more if a frame arrived in pieces
        assertThat(partsIn(answer)).isGreaterThanOrEqualTo(fragments.length);

        // a message far beyond the WAR's whole-message limit passes in parts
        String big = Payloads.text(200_000);
        JdkClient.await(ws.sendText(big, true));
        String bigAnswer = listener.nextText();
        assertThat(bigAnswer).contains(";bytes=200000;");
        assertThat(bigAnswer.substring(bigAnswer.indexOf(";text=") + 6)).isEqualTo(big);
        JdkClient.closeNormally(ws, listener);
    }

    @Test
    void partialBinaryHandlerGetsTheWholeMessageInParts() throws Exception {
        byte[] message = Payloads.binary(STREAMED_SIZE);
        RecordingListener listener = new RecordingListener();
        WebSocket ws = JdkClient.connect(base, "partial-binary", listener);
        int fragments = 0;
        for (int offset = 0; offset < message.length; offset += 70_000, fragments++) {
            int end = Math.min(message.length, offset + 70_000);
            JdkClient.await(ws.sendBinary(ByteBuffer.wrap(Arrays.copyOfRange(message, offset, end)), end == message.length));
        }
        String answer = listener.nextText();
        assertThat(answer).endsWith(";bytes=" + STREAMED_SIZE + ";sha256=" + Payloads.sha256(message));
        assertThat(partsIn(answer)).isGreaterThanOrEqualTo(fragments);
        JdkClient.closeNormally(ws, listener);
    }

    @Test
    void readerHandlerStreamsTextBeyondTheBufferLimit() throws Exception {
        String message = Payloads.text(STREAMED_SIZE);
        RecordingListener listener = new RecordingListener();
        WebSocket ws = JdkClient.connect(base, "reader", listener);
        JdkClient.await(ws.sendText(message, true));
        assertThat(listener.nextText()).isEqualTo("chars=" + message.length() + ";sha256=" + Payloads.sha256(message));

        // fragmented, with a code point cut between two frames by the JDK's own encoder
        JdkClient.await(ws.sendText(message.substring(0, 1000), false));
        JdkClient.await(ws.sendText(message.substring(1000), true));
        assertThat(listener.nextText()).isEqualTo("chars=" + message.length() + ";sha256=" + Payloads.sha256(message));

        // and an empty message is a stream that ends at once
        JdkClient.await(ws.sendText("", true));
        assertThat(listener.nextText()).isEqualTo("chars=0;sha256=" + Payloads.sha256(new byte[0]));
        JdkClient.closeNormally(ws, listener);
    }

    @Test
    void inputStreamHandlerStreamsBinaryBeyondTheBufferLimit() throws Exception {
        byte[] message = Payloads.binary(STREAMED_SIZE);
        RecordingListener listener = new RecordingListener();
        WebSocket ws = JdkClient.connect(base, "stream", listener);
        for (int round = 0; round < 2; round++) {
            // messages in a row: each stream must end where its message ends
            JdkClient.await(ws.sendBinary(ByteBuffer.wrap(message), true));
        }
        for (int round = 0; round < 2; round++) {
            assertThat(listener.nextText()).isEqualTo("bytes=" + STREAMED_SIZE + ";sha256=" + Payloads.sha256(message));
        }
        JdkClient.closeNormally(ws, listener);
    }

    @Test
    void decodesAndEncodesTextAndBinary() throws Exception {
        RecordingListener listener = new RecordingListener();
        WebSocket ws = JdkClient.connect(base, "codec", listener);
        JdkClient.await(ws.sendText("3,-4", true));
        assertThat(listener.nextText()).isEqualTo("6,-8");

        ByteBuffer numbers = ByteBuffer.allocate(12).putInt(7).putInt(Integer.MAX_VALUE).putInt(-2).flip();
        JdkClient.await(ws.sendBinary(numbers, true));
        byte[] sum = listener.nextBinary();
        assertThat(sum).hasSize(8);
        assertThat(ByteBuffer.wrap(sum).getLong()).isEqualTo(7L + Integer.MAX_VALUE - 2);
        JdkClient.closeNormally(ws, listener);
    }

    @Test
    void closesWith1003WhenTheDecoderFailsAndNoOnErrorIsThere() throws Exception {
        RecordingListener listener = new RecordingListener();
        WebSocket ws = JdkClient.connect(base, "codec", listener);
        ws.sendText("not a vector", true);
        // Freeway's rule: a DecodeException the endpoint does not handle is "unsupported data"
        assertThat(listener.awaitClose(Duration.ofSeconds(10)).code()).isEqualTo(1003);
    }

    private static int partsIn(String answer) {
        return Integer.parseInt(answer.substring("parts=".length(), answer.indexOf(';')));
    }
}
