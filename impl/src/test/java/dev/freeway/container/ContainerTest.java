package dev.freeway.container;

import static dev.freeway.container.session.PeerTransport.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.freeway.container.server.ConfiguratorRoutingTest;
import dev.freeway.container.server.EndpointRegistry;
import dev.freeway.container.server.FreewayHandshakeRequest;
import dev.freeway.container.server.HandshakeOutcome;
import dev.freeway.container.server.PreparedSession;
import dev.freeway.container.server.ServerEndpointConfigs;
import dev.freeway.container.session.PeerTransport;
import dev.freeway.container.session.WsSession;
import dev.freeway.engine.AcceptConnection;
import dev.freeway.engine.Close;
import dev.freeway.engine.Connection;
import dev.freeway.engine.Data;
import dev.freeway.engine.DeflateSettings;
import dev.freeway.engine.ExtensionOffer;
import dev.freeway.engine.HttpHeaders;
import dev.freeway.engine.PerMessageDeflate;
import dev.freeway.engine.Ping;
import dev.freeway.engine.RejectConnection;
import dev.freeway.engine.RejectData;
import dev.freeway.engine.Request;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The container end to end: a client engine and the container's server side back to back, the
 * handshake going through matching, negotiation and the configurator, then annotated and
 * programmatic endpoints exchanging messages.
 */
class ContainerTest {
    private FreewayServerContainer container;
    private final TestEndpoints.Log log = new TestEndpoints.Log();
    private final List<PeerTransport> transports = new ArrayList<>();

    @BeforeEach
    void deploy() throws DeploymentException {
        container = new FreewayServerContainer(ContainerDefaults.standard().withCloseTimeoutMillis(500),
                DeflateSettings.defaults(), dev.freeway.engine.EngineConfig.defaults());
        ServerEndpointConfig chat = ServerEndpointConfigs.fromAnnotation(TestEndpoints.Chat.class);
        chat.getUserProperties().put("log", log);
        container.addEndpoint(chat);
        container.addEndpoint(TestEndpoints.Points.class);
        container.addEndpoint(TestEndpoints.Parts.class);
    }

    @AfterEach
    void undeploy() {
        container.close();
        transports.forEach(PeerTransport::shutdown);
    }

    /** The outcome of a handshake: an open session and its peer, or a rejection. */
    record Handshake(PeerTransport peer, WsSession session, AcceptConnection accept, RejectConnection reject, String body) {
        void awaitPeerSaw(String... lines) {
            await().atMost(Duration.ofSeconds(10)).until(() -> peer.peerSaw().equals(List.of(lines)));
        }
    }

    private Handshake connect(String target, List<String> subprotocols, boolean deflate, String... headers) throws Exception {
        DeflateSettings clientDeflate = deflate ? DeflateSettings.defaults() : DeflateSettings.disabled();
        Connection client = Connection.client(PeerTransport.PEER_CONFIG, clientDeflate);
        Connection server = Connection.server(container.engineConfig(), container.deflateSettings());
        List<ExtensionOffer> offers = PerMessageDeflate.offer(clientDeflate).map(List::of).orElse(List.of());
        server.receive(join(client.send(new Request("localhost", target, HttpHeaders.of(headers), subprotocols, offers))));
        Request request = (Request) server.nextEvent();
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        EndpointRegistry.Match match = container.match(path);
        assertThat(match).as("a deployed endpoint for " + path).isNotNull();
        FreewayHandshakeRequest hr = FreewayHandshakeRequest.builder(URI.create("ws://localhost" + target))
                .headers(request.headers()).build();
        Object prepared = container.prepare(request, match, hr);
        if (prepared instanceof HandshakeOutcome.Rejected) {
            HandshakeOutcome.Rejected r = (HandshakeOutcome.Rejected) prepared;
            ByteBuffer head = join(server.send(r.rejection()));
            ByteBuffer body = join(server.send(new RejectData(ByteBuffer.wrap(r.body()), true)));
            client.receive(join(new ByteBuffer[] {head, body}));
            RejectConnection reject = (RejectConnection) client.nextEvent();
            return new Handshake(null, null, null, reject, r.message());
        }
        PreparedSession ps = (PreparedSession) prepared;
        client.receive(join(server.send(ps.accepted().accept())));
        AcceptConnection accepted = (AcceptConnection) client.nextEvent();
        PeerTransport peer = new PeerTransport(client, accepted.extensions());
        transports.add(peer);
        WsSession session = container.open(ps, peer, server);
        return new Handshake(peer, session, accepted, null, null);
    }

    private static ByteBuffer join(ByteBuffer[] parts) {
        int n = 0;
        for (ByteBuffer b : parts) {
            n += b.remaining();
        }
        ByteBuffer out = ByteBuffer.allocate(n);
        for (ByteBuffer b : parts) {
            out.put(b.duplicate());
        }
        return out.flip();
    }

    private static String text(String s) {
        return "text " + hex(s);
    }

    @Test
    void aConfiguratorsInheritedMethodsNeverReachTheApisSharedDefault() throws Exception {
        ConfiguratorRoutingTest.OnlyModifies configurator = new ConfiguratorRoutingTest.OnlyModifies();
        container.addEndpoint(ServerEndpointConfig.Builder.create(ConfiguratorRoutingTest.Echo.class, "/routed")
                .subprotocols(List.of("chat")).configurator(configurator).build());
        // Origin, subprotocol, extensions and the endpoint instance come from the container's
        // default; the API's default (which throws here) is never asked.
        Handshake h = connect("/routed", List.of("other", "chat"), true, "Origin", "http://any.example");
        assertThat(h.reject()).isNull();
        assertThat(h.accept().subprotocol()).isEqualTo("chat");
        assertThat(h.accept().extensions()).isNotEmpty();
        assertThat(configurator.modified).isEqualTo(1);
        assertThat(h.session().isOpen()).isTrue();
    }

    @Test
    void anAnnotatedEndpointWithPathParametersSubprotocolAndConfigurator() throws Exception {
        Handshake h = connect("/chat/blue?user=ann", List.of("chat.v1", "chat.v2"), false, "Origin", "http://good.example");
        assertThat(h.accept().subprotocol()).isEqualTo("chat.v1"); // the client's order decides
        assertThat(h.accept().headers().first("X-Chat")).isEqualTo("welcome");
        assertThat(h.session().getNegotiatedSubprotocol()).isEqualTo("chat.v1");
        assertThat(h.session().getPathParameters()).containsEntry("room", "blue");
        assertThat(h.session().getRequestParameterMap()).containsEntry("user", List.of("ann"));
        assertThat(h.session().getQueryString()).isEqualTo("user=ann");
        assertThat(log.lines).containsExactly("open blue chat.v1 http://good.example");

        h.peer().send(Data.text("hello", true));
        h.peer().send(Data.binary(new byte[7], true));
        h.peer().send(new dev.freeway.engine.Pong(ByteBuffer.allocate(3)));
        h.awaitPeerSaw(text("blue: hello"), "binary 07");
        await().atMost(Duration.ofSeconds(5)).until(() -> log.lines.contains("pong 3"));

        h.peer().send(new Close(1000, "bye"));
        h.awaitPeerSaw(text("blue: hello"), "binary 07", "close 1000");
        await().atMost(Duration.ofSeconds(5)).until(() -> log.lines.contains("close blue 1000"));
    }

    @Test
    void aForeignOriginIsRefusedWith403() throws Exception {
        Handshake h = connect("/chat/blue", List.of(), false, "Origin", "http://evil.example");
        assertThat(h.reject().status()).isEqualTo(403);
        assertThat(h.body()).isEqualTo("origin 'http://evil.example' is not allowed by "
                + TestEndpoints.ChatConfigurator.class.getName() + ".checkOrigin");
        assertThat(log.lines).isEmpty();
    }

    @Test
    void decodersEncodersAndPerHandlerLimits() throws Exception {
        Handshake h = connect("/points", List.of(), false);
        h.peer().send(Data.text("3, 4", true));
        h.awaitPeerSaw(text("(4|3)"));
        h.peer().send(Data.binary(new byte[200_000], true)); // streamed through InputStream, past every buffer
        h.awaitPeerSaw(text("(4|3)"), text("bytes 200000"));
        h.peer().send(Data.text("1, 2" + " ".repeat(30), true)); // over @OnMessage(maxMessageSize = 20)
        h.awaitPeerSaw(text("(4|3)"), text("bytes 200000"),
                "close 1009 text message of 34 bytes or more exceeds the limit of 20 (maxTextMessageBufferSize)");
    }

    @Test
    void aMessageNoDecoderWillTakeEndsInOnErrorOrA1003() throws Exception {
        Handshake h = connect("/points", List.of(), false);
        h.peer().send(Data.text("no comma", true));
        await().atMost(Duration.ofSeconds(10)).until(() -> !h.peer().peerSaw().isEmpty());
        // Points has no @OnError: the DecodeException is logged and the session closed as unacceptable data.
        assertThat(h.peer().peerSaw()).singleElement().asString()
                .startsWith("close 1003 DecodeException: no decoder will decode the message as");
    }

    @Test
    void partialMessagesWithBooleanLast() throws Exception {
        Handshake h = connect("/parts", List.of(), false);
        h.peer().send(new Data(ByteBuffer.wrap("ab".getBytes(StandardCharsets.UTF_8)), true, true, false));
        h.peer().send(new Data(ByteBuffer.wrap("cd".getBytes(StandardCharsets.UTF_8)), true, true, true));
        h.awaitPeerSaw(text("[ab][cd]"));
    }

    @Test
    void permessageDeflateIsNegotiatedAndUsed() throws Exception {
        Handshake h = connect("/chat/red", List.of(), true, "Origin", "http://good.example");
        assertThat(h.accept().extensions()).extracting(ExtensionOffer::name).containsExactly("permessage-deflate");
        assertThat(h.session().getNegotiatedExtensions()).extracting(e -> e.getName()).containsExactly("permessage-deflate");
        String long1 = "compress me ".repeat(200);
        h.peer().send(Data.text(long1, true));
        h.awaitPeerSaw(text("red: " + long1));
        assertThat(h.peer().writtenBytes()).isLessThan(200); // 2.4 KB of text went out compressed
    }

    @Test
    void programmaticEndpointsAndOpenSessions() throws Exception {
        ServerEndpointConfig config = ServerEndpointConfig.Builder.create(EchoEndpoint.class, "/echo").build();
        container.addEndpoint(config);
        Handshake a = connect("/echo", List.of(), false);
        Handshake b = connect("/echo", List.of(), false);
        assertThat(a.session().getOpenSessions()).containsExactlyInAnyOrder(a.session(), b.session());
        a.peer().send(Data.text("one", true));
        a.awaitPeerSaw(text("one"));
        a.peer().send(new Ping(ByteBuffer.wrap(new byte[] {1})));
        a.awaitPeerSaw(text("one"), "pong 01");
    }

    @Test
    void closingTheContainerSendsGoingAwayToEverySession() throws Exception {
        Handshake h = connect("/parts", List.of(), false);
        Thread closer = new Thread(container::close);
        closer.start();
        h.awaitPeerSaw("close 1001 the server is shutting down");
        h.peer().send(new Close(1001, ""));
        closer.join(10_000);
        assertThat(h.session().isOpen()).isFalse();
        assertThat(container.openSessions()).isEmpty();
    }

    @Test
    void closingTheContainerWaitsForThePeersToAnswer() throws Exception {
        container.close();
        container = new FreewayServerContainer(ContainerDefaults.standard().withShutdownTimeoutMillis(20_000),
                DeflateSettings.defaults(), dev.freeway.engine.EngineConfig.defaults());
        container.addEndpoint(TestEndpoints.Parts.class);
        Handshake h = connect("/parts", List.of(), false);
        Thread closer = new Thread(container::close);
        closer.start();
        h.awaitPeerSaw("close 1001 the server is shutting down");
        assertThat(container.openSessions()).isEmpty(); // onClose has run ...
        Thread.sleep(300);
        assertThat(closer.isAlive()).isTrue(); // ... but the connection has not ended
        h.peer().send(new Close(1001, ""));
        closer.join(10_000);
        assertThat(closer.isAlive()).isFalse();
    }

    @Test
    void closingTheContainerIsBoundedByTheShutdownTimeoutNotTheCloseTimeoutNorOnClose() throws Exception {
        container.close();
        container = new FreewayServerContainer(ContainerDefaults.standard().withCloseTimeoutMillis(60_000)
                .withShutdownTimeoutMillis(300), DeflateSettings.defaults(), dev.freeway.engine.EngineConfig.defaults());
        container.addEndpoint(TestEndpoints.Parts.class);
        container.addEndpoint(ServerEndpointConfig.Builder.create(SlowCloseEndpoint.class, "/slow-close").build());
        List<Handshake> silent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            silent.add(connect("/parts", List.of(), false));
        }
        Handshake slow = connect("/slow-close", List.of(), false);
        long start = System.nanoTime();
        container.close(); // no peer ever answers, and one onClose takes 30 s
        long tookMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertThat(tookMillis).as("close with peers that never answer, shutdown timeout 300 ms").isLessThan(5_000);
        slow.awaitPeerSaw("close 1001 the server is shutting down");
        for (Handshake h : silent) {
            h.awaitPeerSaw("close 1001 the server is shutting down");
            assertThat(h.session().isOpen()).isFalse();
            assertThat(h.peer().aborted).as("connection dropped").isTrue();
        }
        Handshake late = connect("/parts", List.of(), false);
        assertThat(late.reject()).as("a handshake after the close").isNotNull();
        assertThat(late.reject().status()).isEqualTo(503);
    }

    @Test
    void deploymentErrorsNameTheClassMethodAndRule() throws Exception {
        assertThatThrownBy(() -> container.addEndpoint(TestEndpoints.TwoTextHandlers.class))
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining(TestEndpoints.TwoTextHandlers.class.getName())
                .hasMessageContaining("text");
    }

    @Test
    void aPathDeployedTwiceIsADeploymentError() throws Exception {
        assertThatThrownBy(() -> container.addEndpoint(TestEndpoints.Parts.class))
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("/parts");
    }

    @Test
    void aDeploymentErrorUndeploysTheApplicationAndRefusesLaterEndpoints() throws Exception {
        assertThat(container.endpoints()).hasSize(3);
        assertThatThrownBy(() -> container.addEndpoint(TestEndpoints.TwoTextHandlers.class))
                .isInstanceOf(DeploymentException.class);
        // TCK negdep.invalidpathparamtype.pasrv: the valid endpoints deployed before are gone too
        assertThat(container.endpoints()).isEmpty();
        assertThat(container.match("/chat/blue")).isNull();
        assertThatThrownBy(() -> container.addEndpoint(ServerEndpointConfig.Builder.create(EchoEndpoint.class, "/later").build()))
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("the deployment of this application failed")
                .hasCauseInstanceOf(DeploymentException.class);
        assertThat(container.match("/later")).isNull();
    }

    /** An endpoint whose onClose takes half a minute, as a slow application's might. */
    public static class SlowCloseEndpoint extends Endpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
        }

        @Override
        public void onClose(Session session, CloseReason closeReason) {
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A programmatic echo endpoint. */
    public static class EchoEndpoint extends Endpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
            session.addMessageHandler(String.class, (MessageHandler.Whole<String>) m -> session.getAsyncRemote().sendText(m));
        }

        @Override
        public void onClose(Session session, CloseReason closeReason) {
        }
    }
}
