package dev.freeway.it.clients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freeway.it.support.JdkClient;
import dev.freeway.it.support.Payloads;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Extension;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import java.net.URL;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same conversation with {@link ClientsEchoEndpoint} for any Jakarta WebSocket client
 * container: echoes at the frame-size boundaries and of 16 MiB, fragments sent with
 * {@code sendText(part, last)}, close codes, the subprotocol and permessage-deflate. Subclasses
 * name the client container and deploy the WAR.
 */
abstract class JakartaClientTests {

    @ArquillianResource
    private URL base;

    /** @return the client container under test; the test closes nothing it did not open */
    protected abstract WebSocketContainer container();

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 125, 126, 64 * 1024, 16 * 1024 * 1024})
    void echoesText(int size) throws Exception {
        String message = Payloads.text(size);
        Recorder recorder = connect(ClientEndpointConfig.Builder.create().build());
        recorder.session.getBasicRemote().sendText(message);
        assertThat(Payloads.sha256(recorder.nextText())).isEqualTo(Payloads.sha256(message));
        recorder.closeWith(1000);
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 125, 126, 64 * 1024, 16 * 1024 * 1024})
    void echoesBinary(int size) throws Exception {
        byte[] message = Payloads.binary(size);
        Recorder recorder = connect(ClientEndpointConfig.Builder.create().build());
        recorder.session.getBasicRemote().sendBinary(ByteBuffer.wrap(message));
        assertThat(Payloads.sha256(recorder.nextBinary())).isEqualTo(Payloads.sha256(message));
        recorder.closeWith(1000);
    }

    @Test
    void reassemblesFragmentsAndEchoesTheClientsCloseCode() throws Exception {
        Recorder recorder = connect(ClientEndpointConfig.Builder.create().build());
        recorder.session.getBasicRemote().sendText("frag", false);
        recorder.session.getBasicRemote().sendText("ment", false);
        recorder.session.getBasicRemote().sendText("ed \u20ac", true);
        assertThat(recorder.nextText()).isEqualTo("fragmented \u20ac");
        recorder.closeWith(4001);
    }

    @Test
    void negotiatesTheSubprotocol() throws Exception {
        Recorder recorder = connect(ClientEndpointConfig.Builder.create()
                .preferredSubprotocols(List.of("chat.v3", "chat.v1")).build());
        assertThat(recorder.session.getNegotiatedSubprotocol()).isEqualTo("chat.v1");
        recorder.session.getBasicRemote().sendText(ClientsEchoEndpoint.SUBPROTOCOL);
        assertThat(recorder.nextText()).isEqualTo("subprotocol=chat.v1");
        recorder.closeWith(1000);
    }

    @Test
    void negotiatesPerMessageDeflateAndEchoesCompressedMessages() throws Exception {
        Extension deflate = new NamedExtension("permessage-deflate");
        Recorder recorder = connect(ClientEndpointConfig.Builder.create().extensions(List.of(deflate)).build());
        assertThat(recorder.session.getNegotiatedExtensions()).extracting(Extension::getName)
                .containsExactly("permessage-deflate");
        recorder.session.getBasicRemote().sendText(ClientsEchoEndpoint.EXTENSIONS);
        assertThat(recorder.nextText()).isEqualTo("extensions=permessage-deflate");

        String text = Payloads.text(1024 * 1024);
        recorder.session.getBasicRemote().sendText(text);
        assertThat(recorder.nextText()).isEqualTo(text);
        byte[] noise = new byte[300_000];
        new java.util.Random(7).nextBytes(noise);
        recorder.session.getBasicRemote().sendBinary(ByteBuffer.wrap(noise));
        assertThat(recorder.nextBinary()).isEqualTo(noise);
        recorder.closeWith(1000);
    }

    private Recorder connect(ClientEndpointConfig config) throws Exception {
        Recorder recorder = new Recorder();
        container().connectToServer(recorder, config, JdkClient.ws(base, "echo"));
        return recorder;
    }

    /** An extension asked for by name, without parameters. */
    private record NamedExtension(String getName) implements Extension {

        @Override
        public List<Parameter> getParameters() {
            return List.of();
        }
    }

    /** Records what the client receives. */
    static final class Recorder extends Endpoint {

        private final ReceivedMessages messages = new ReceivedMessages();
        private final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
        private volatile Session session;

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            this.session = session;
            session.setMaxTextMessageBufferSize(ClientsEchoEndpoint.LIMIT);
            session.setMaxBinaryMessageBufferSize(ClientsEchoEndpoint.LIMIT);
            session.addMessageHandler(String.class, messages::add);
            session.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) buffer -> {
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                messages.add(bytes);
            });
        }

        @Override
        public void onClose(Session session, CloseReason reason) {
            closed.complete(reason);
        }

        @Override
        public void onError(Session session, Throwable failure) {
            closed.completeExceptionally(failure);
        }

        String nextText() throws Exception {
            return messages.nextText();
        }

        byte[] nextBinary() throws Exception {
            return messages.nextBinary();
        }

        /** Closes with {@code code}; the server's answer must carry the same code. */
        void closeWith(int code) throws Exception {
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), "bye"));
            assertThat(closed.get(10, TimeUnit.SECONDS).getCloseCode().getCode()).isEqualTo(code);
        }
    }
}
