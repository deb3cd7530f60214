package dev.freeway.it.clients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freeway.it.support.JdkClient;
import dev.freeway.it.support.Payloads;
import java.net.URL;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.ExtensionConfig;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.JettyUpgradeListener;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The conversation of Jetty's WebSocket client (jetty-websocket-jetty-client, in the Jetty version of
 * each container module) with {@link ClientsEchoEndpoint}: echoes at the frame-size boundaries and
 * of 16 MiB, fragments, close codes, the subprotocol, and permessage-deflate, which the JDK client
 * cannot do. Subclasses give the client (over HTTP/1.1, {@link JettyClientIT}; over HTTP/2,
 * {@link Http2JettyClientIT} on h2c and {@link Http2TlsJettyClientIT} on h2 over TLS) and deploy the WAR.
 */
abstract class JettyClientTests {

    @ArquillianResource
    private URL base;

    /** @return the started client under test */
    protected abstract WebSocketClient client();

    /**
     * Where the echo endpoint is for this client (the deployment's {@code ws:} address by default).
     *
     * @param base the deployment's base URL
     * @param path the endpoint path relative to it
     */
    protected java.net.URI uri(URL base, String path) {
        return JdkClient.ws(base, path);
    }

    /** What to tell the client's handshakes (null: nothing). */
    protected JettyUpgradeListener upgradeListener() {
        return null;
    }

    /** A started client over {@code http} (null: Jetty's default HTTP/1.1 client), with the echo's limits. */
    static WebSocketClient startClient(org.eclipse.jetty.client.HttpClient http) throws Exception {
        WebSocketClient client = http == null ? new WebSocketClient() : new WebSocketClient(http);
        client.setMaxTextMessageSize(ClientsEchoEndpoint.LIMIT);
        client.setMaxBinaryMessageSize(ClientsEchoEndpoint.LIMIT);
        client.start();
        return client;
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 125, 126, 64 * 1024, 16 * 1024 * 1024})
    void echoesText(int size) throws Exception {
        String message = Payloads.text(size);
        JettyRecorder recorder = connect(request());
        try {
            send(c -> recorder.session.sendText(message, c));
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError("send failed; the server closed with " + recorder.closeState(), e);
        }
        assertThat(Payloads.sha256(recorder.nextText())).isEqualTo(Payloads.sha256(message));
        recorder.closeWith(1000);
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 125, 126, 64 * 1024, 16 * 1024 * 1024})
    void echoesBinary(int size) throws Exception {
        byte[] message = Payloads.binary(size);
        JettyRecorder recorder = connect(request());
        send(c -> recorder.session.sendBinary(ByteBuffer.wrap(message), c));
        assertThat(Payloads.sha256(recorder.nextBinary())).isEqualTo(Payloads.sha256(message));
        recorder.closeWith(1000);
    }

    @Test
    void reassemblesFragmentsAndEchoesTheClientsCloseCode() throws Exception {
        JettyRecorder recorder = connect(request());
        send(c -> recorder.session.sendPartialText("frag", false, c));
        send(c -> recorder.session.sendPartialText("ment", false, c));
        send(c -> recorder.session.sendPartialText("ed \u20ac", true, c));
        assertThat(recorder.nextText()).isEqualTo("fragmented \u20ac");
        // an application close code comes back in the server's answer
        recorder.closeWith(4001);
    }

    @Test
    void negotiatesTheSubprotocol() throws Exception {
        ClientUpgradeRequest request = request();
        request.setSubProtocols("chat.v3", "chat.v1");
        JettyRecorder recorder = connect(request);
        assertThat(recorder.session.getUpgradeResponse().getAcceptedSubProtocol()).isEqualTo("chat.v1");
        send(c -> recorder.session.sendText(ClientsEchoEndpoint.SUBPROTOCOL, c));
        assertThat(recorder.nextText()).isEqualTo("subprotocol=chat.v1");
        recorder.closeWith(1000);
    }

    @Test
    void negotiatesPerMessageDeflateAndEchoesCompressedMessages() throws Exception {
        ClientUpgradeRequest request = request();
        request.addExtensions("permessage-deflate");
        JettyRecorder recorder = connect(request);
        List<ExtensionConfig> agreed = recorder.session.getUpgradeResponse().getExtensions();
        assertThat(agreed).extracting(ExtensionConfig::getName).containsExactly("permessage-deflate");
        send(c -> recorder.session.sendText(ClientsEchoEndpoint.EXTENSIONS, c));
        assertThat(recorder.nextText()).isEqualTo("extensions=permessage-deflate");

        // compressible and incompressible, each across many deflate blocks
        String text = Payloads.text(1024 * 1024);
        send(c -> recorder.session.sendText(text, c));
        assertThat(recorder.nextText()).isEqualTo(text);
        byte[] noise = new byte[300_000];
        new java.util.Random(7).nextBytes(noise);
        send(c -> recorder.session.sendBinary(ByteBuffer.wrap(noise), c));
        assertThat(recorder.nextBinary()).isEqualTo(noise);
        recorder.closeWith(1000);
    }

    static ClientUpgradeRequest request() {
        return new ClientUpgradeRequest();
    }

    JettyRecorder connect(ClientUpgradeRequest request) throws Exception {
        JettyRecorder recorder = new JettyRecorder();
        recorder.session = client().connect(recorder, uri(base, "echo"), request, upgradeListener())
                .get(10, TimeUnit.SECONDS);
        return recorder;
    }

    static void send(java.util.function.Consumer<Callback> sending) throws Exception {
        Callback.Completable done = new Callback.Completable();
        sending.accept(done);
        done.get(10, TimeUnit.SECONDS);
    }
}
