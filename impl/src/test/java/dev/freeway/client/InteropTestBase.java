package dev.freeway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.freeway.api.Freeway;
import dev.freeway.api.Opcode;
import dev.freeway.api.StreamingSender;
import dev.freeway.container.server.FreewayExtension;
import dev.freeway.engine.ExtensionOffer;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.Session;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Freeway's client against a WebSocket server we did not write: the same tests for each server
 * (subclasses start it). Everything goes through a real socket on loopback.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class InteropTestBase {
    PeerServer server;
    FreewayClientContainer client;

    abstract PeerServer startServer() throws Exception;

    /** How many bytes the streaming hash test sends. */
    long hashVolume() {
        return 64L << 20;
    }

    @BeforeAll
    void start() throws Exception {
        server = startServer();
        client = new FreewayClientContainer();
    }

    @AfterAll
    void stop() throws Exception {
        client.close();
        server.close();
    }

    Recorder connect(Recorder endpoint, ClientEndpointConfig config, String path) throws Exception {
        client.connectToServer(endpoint, config, server.uri(path));
        return endpoint;
    }

    Recorder connect() throws Exception {
        return connect(new Recorder(), ClientEndpointConfig.Builder.create().build(), ServerEndpoints.ECHO);
    }

    @Test
    void echoesTextAndBinaryOfSeveralSizesUpTo16MiB() throws Exception {
        Recorder r = connect();
        Random random = new Random(1);
        for (int size : new int[] {0, 1, 125, 126, 65_535, 65_536, 1 << 20, 16 << 20}) {
            byte[] bytes = new byte[size];
            random.nextBytes(bytes);
            r.session.getBasicRemote().sendBinary(ByteBuffer.wrap(bytes));
            assertThat(r.binary()).as("binary of %d bytes", size).isEqualTo(bytes);

            String text = "grüße ✓ ".repeat(size / 12 + 1).substring(0, size / 2);
            r.session.getBasicRemote().sendText(text);
            assertThat(r.text()).as("text of %d chars", text.length()).isEqualTo(text);
        }
        r.session.close();
        assertThat(r.awaitClose().getCloseCode()).isEqualTo(CloseReason.CloseCodes.NORMAL_CLOSURE);
        assertThat(r.errors).isEmpty();
    }

    @Test
    void fragmentedMessagesBothWays() throws Exception {
        Recorder r = connect(new Recorder(true), ClientEndpointConfig.Builder.create().build(), ServerEndpoints.ECHO);
        r.session.getBasicRemote().sendText("parts 3");
        assertThat(List.of(r.text(), r.text(), r.text())).containsExactly("part0|more", "part1|more", "part2|last");

        // The client fragments; the server reassembles and echoes one message, which arrives as one or more chunks.
        r.session.getBasicRemote().sendText("ab", false);
        r.session.getBasicRemote().sendText("cd", false);
        r.session.getBasicRemote().sendText("ef", true);
        StringBuilder echoed = new StringBuilder();
        String chunk;
        do {
            chunk = r.text();
            echoed.append(chunk, 0, chunk.indexOf('|'));
        } while (chunk.endsWith("|more"));
        assertThat(echoed).hasToString("abcdef");
    }

    /** Handlers run on the executor, so a handler may block in a send while the reply it waits for is read. */
    @Test
    void blockingSendsFromInsideAMessageHandler() throws Exception {
        java.util.concurrent.CompletableFuture<String> done = new java.util.concurrent.CompletableFuture<>();
        client.connectToServer(new jakarta.websocket.Endpoint() {
            @Override
            public void onOpen(Session session, jakarta.websocket.EndpointConfig config) {
                session.addMessageHandler(String.class, (jakarta.websocket.MessageHandler.Whole<String>) text -> {
                    int n = Integer.parseInt(text);
                    try {
                        if (n == 0) {
                            done.complete(Thread.currentThread().getName());
                        } else {
                            session.getBasicRemote().sendText(Integer.toString(n - 1)); // echoed back to this handler
                        }
                    } catch (java.io.IOException e) {
                        done.completeExceptionally(e);
                    }
                });
                try {
                    session.getBasicRemote().sendText("200");
                } catch (java.io.IOException e) {
                    done.completeExceptionally(e);
                }
            }
        }, null, server.uri(ServerEndpoints.ECHO));
        assertThat(done.get(20, java.util.concurrent.TimeUnit.SECONDS)).startsWith(client.threadNamePrefix() + "-worker-");
    }

    @Test
    void pingsAndPongsBothWays() throws Exception {
        Recorder r = connect();
        r.session.getBasicRemote().sendPing(ByteBuffer.wrap("hi".getBytes(StandardCharsets.UTF_8)));
        assertThat(r.text()).isEqualTo("pong 6869");
        r.session.getBasicRemote().sendText("ping yo"); // the server pings; the session answers by itself
        assertThat(r.text()).isEqualTo("pong 796f");
    }

    @Test
    void permessageDeflateIsNegotiatedAndUsed() throws Exception {
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create()
                .extensions(List.of(FreewayExtension.of("permessage-deflate"))).build();
        Recorder r = connect(new Recorder(), config, ServerEndpoints.ECHO);
        assertThat(r.session.getNegotiatedExtensions()).extracting(e -> e.getName()).containsExactly("permessage-deflate");
        r.session.getBasicRemote().sendText("info");
        assertThat(r.text()).isEqualTo(" permessage-deflate");
        String text = "compress me, compress me again ".repeat(40_000); // 1.2 MB, very compressible
        r.session.getBasicRemote().sendText(text);
        assertThat(r.text()).isEqualTo(text);
        byte[] bytes = new byte[3 << 20];
        new Random(2).nextBytes(bytes);
        r.session.getBasicRemote().sendBinary(ByteBuffer.wrap(bytes));
        assertThat(r.binary()).isEqualTo(bytes);
    }

    @Test
    void everyExtensionTheConfigListsIsOfferedAndOnlyWhatRunsIsAgreed() throws Exception {
        // TCK server.serverendpointconfig.configurator: the server's configurator must see them requested
        List<String> offered = new CopyOnWriteArrayList<>();
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create()
                .extensions(List.of(FreewayExtension.from(new ExtensionOffer("x-first", Map.of("p", "1"))),
                        FreewayExtension.of("permessage-deflate")))
                .configurator(recordingOfferedExtensions(offered)).build();
        Recorder r = connect(new Recorder(), config, ServerEndpoints.ECHO);
        assertThat(offered).hasSize(1);
        assertThat(offered.get(0)).startsWith("x-first; p=1, permessage-deflate");
        assertThat(r.session.getNegotiatedExtensions()).extracting(e -> e.getName()).containsExactly("permessage-deflate");
    }

    @Test
    void anExtensionNamingAParameterTwiceIsLeftOutAndTheRestStillConnects() throws Exception {
        // TCK clientendpointconfig constructor tests: such a config must still connect
        List<String> offered = new CopyOnWriteArrayList<>();
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create()
                .extensions(List.of(new FreewayExtension("x-twice", List.of(
                                new FreewayExtension.Parameter("p", "1"), new FreewayExtension.Parameter("p", "2"))),
                        FreewayExtension.from(new ExtensionOffer("x-once", Map.of("p", "1")))))
                .configurator(recordingOfferedExtensions(offered)).build();
        Recorder r = connect(new Recorder(), config, ServerEndpoints.ECHO);
        assertThat(offered).containsExactly("x-once; p=1");
        assertThat(r.session.getNegotiatedExtensions()).isEmpty();
        r.session.getBasicRemote().sendText("still echoes");
        assertThat(r.text()).isEqualTo("still echoes");
    }

    /** A client configurator that adds the request's Sec-WebSocket-Extensions values to a list. */
    private static ClientEndpointConfig.Configurator recordingOfferedExtensions(List<String> offered) {
        return new ClientEndpointConfig.Configurator() {
            @Override
            public void beforeRequest(Map<String, List<String>> headers) {
                offered.addAll(headers.get("Sec-WebSocket-Extensions"));
            }
        };
    }

    @Test
    void subprotocolAndConfiguratorHeaders() throws Exception {
        List<String> seenResponse = new CopyOnWriteArrayList<>();
        List<String> seenRequest = new ArrayList<>();
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create()
                .preferredSubprotocols(List.of("nope", "echo.v2", "echo.v1"))
                .configurator(new ClientEndpointConfig.Configurator() {
                    @Override
                    public void beforeRequest(Map<String, List<String>> headers) {
                        seenRequest.addAll(headers.get("sec-websocket-protocol"));
                        headers.put("X-Hello", List.of("from freeway"));
                    }

                    @Override
                    public void afterResponse(HandshakeResponse response) {
                        response.getHeaders().forEach((k, v) -> {
                            if (k.equalsIgnoreCase("X-Echo")) {
                                seenResponse.addAll(v);
                            }
                        });
                    }
                }).build();
        Recorder r = connect(new Recorder(), config, ServerEndpoints.ECHO);
        assertThat(seenRequest).containsExactly("nope, echo.v2, echo.v1");
        assertThat(seenResponse).containsExactly("from freeway");
        assertThat(r.session.getNegotiatedSubprotocol()).isEqualTo("echo.v2");
        r.session.getBasicRemote().sendText("info");
        assertThat(r.text()).isEqualTo("echo.v2 ");
    }

    @Test
    void annotatedClientEndpoints() throws Exception {
        Session s = client.connectToServer(AnnotatedClient.class, server.uri(ServerEndpoints.ECHO));
        AnnotatedClient endpoint = AnnotatedClient.of(s);
        assertThat(s.getNegotiatedSubprotocol()).isEqualTo("echo.v2"); // the configurator's, not the annotation's echo.v1
        s.getBasicRemote().sendText("hello");
        assertThat(endpoint.next()).isEqualTo("hello");
        s.getBasicRemote().sendText("close 4001 enough");
        CloseReason reason = endpoint.closed.get(20, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(reason.getCloseCode().getCode()).isEqualTo(4001);
        assertThat(reason.getReasonPhrase()).isEqualTo("enough");
    }

    @Test
    void theServerClosingIsSeenInOnClose() throws Exception {
        Recorder r = connect();
        r.session.getBasicRemote().sendText("close 1008 policy says no");
        CloseReason reason = r.awaitClose();
        assertThat(reason.getCloseCode()).isEqualTo(CloseReason.CloseCodes.VIOLATED_POLICY);
        assertThat(reason.getReasonPhrase()).isEqualTo("policy says no");
        // closed once onClose has returned (this ran inside it)
        await().atMost(Duration.ofSeconds(10)).until(() -> !r.session.isOpen());
    }

    @Test
    void aMissingEndpointIsRefusedWith404InTheException() {
        assertThatThrownBy(() -> connect(new Recorder(), ClientEndpointConfig.Builder.create().build(), "/missing"))
                .isInstanceOfSatisfying(HandshakeRejectedException.class, e -> assertThat(e.status()).isEqualTo(404))
                .hasMessageContaining("HTTP 404 instead of 101")
                .hasMessageContaining(server.uri("/missing").toString());
    }

    @Test
    void aForbiddenOriginIsRefusedWith403InTheException() {
        ClientEndpointConfig evil = ClientEndpointConfig.Builder.create().configurator(new ClientEndpointConfig.Configurator() {
            @Override
            public void beforeRequest(Map<String, List<String>> headers) {
                headers.put("Origin", List.of("http://evil.example"));
            }
        }).build();
        assertThatThrownBy(() -> connect(new Recorder(), evil, ServerEndpoints.ECHO))
                .isInstanceOfSatisfying(HandshakeRejectedException.class, e -> assertThat(e.status()).isEqualTo(403))
                .hasMessageContaining("HTTP 403");
    }

    /**
     * Autobahn's streaming hash client on Freeway's frame-level sender: one binary message, one
     * frame of declared length, sent in 1 MiB chunks; the server's Partial handler hashes as it
     * reads and answers a digest per MiB, which must match ours. As in the demo, the client waits
     * for digests as it goes, but one batch ahead rather than in lock-step: Tomcat hands a partial
     * message to the handler only when its 8 KiB buffer is full and more input has arrived, so
     * the last bytes of a batch wait for the next one.
     */
    @Test
    void streamingHashClientAgainstAPartialHandler() throws Exception {
        Recorder r = connect(new Recorder(), ClientEndpointConfig.Builder.create().build(), ServerEndpoints.HASH);
        StreamingSender sender = Freeway.of(r.session).sender();
        long batches = hashVolume() / ServerEndpoints.BATCH;
        MessageDigest ours = ServerEndpoints.sha256();
        List<String> expected = new ArrayList<>();
        byte[] batch = new byte[ServerEndpoints.BATCH];
        Random random = new Random(3);
        sender.beginMessage(Opcode.BINARY);
        sender.beginFrame(batches * batch.length);
        for (int i = 0; i < batches; i++) {
            random.nextBytes(batch);
            ours.update(batch);
            expected.add(ServerEndpoints.hex(ServerEndpoints.copyOf(ours).digest()));
            sender.sendFrameData(ByteBuffer.wrap(batch));
            if (i > 0) {
                assertThat(r.text()).as("digest after %d MiB", i).isEqualTo(expected.get(i - 1));
            }
        }
        sender.endMessage();
        assertThat(r.text()).as("digest after the last MiB").isEqualTo(expected.get(expected.size() - 1));
        assertThat(r.text()).isEqualTo("end " + ServerEndpoints.hex(ours.digest()));
    }
}
