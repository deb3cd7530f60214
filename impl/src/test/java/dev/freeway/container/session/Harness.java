package dev.freeway.container.session;

import static org.awaitility.Awaitility.await;

import dev.freeway.container.ContainerDefaults;
import dev.freeway.container.endpoint.SessionInterceptor;
import dev.freeway.container.metrics.WebSocketMetrics;
import dev.freeway.container.runtime.ContainerResources;
import dev.freeway.engine.Connection;
import dev.freeway.engine.EngineConfig;
import dev.freeway.engine.ExtensionOffer;
import dev.freeway.engine.Role;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A server session wired to a {@link PeerTransport}, and an endpoint that records what it sees. */
final class Harness implements AutoCloseable {
    final ContainerResources resources = new ContainerResources("test");
    final PeerTransport peer;
    final WsSession session;
    final Set<Session> peers = ConcurrentHashMap.newKeySet();
    final Recorder endpoint;
    /** What the session counts, under the path of {@link #config()}'s template. */
    final WebSocketMetrics metrics = new WebSocketMetrics(this::queuedBytes, resources::workerThreadsActive);

    private Harness(Recorder endpoint, ContainerDefaults defaults, ServerEndpointConfig config, List<ExtensionOffer> extensions)
            throws Exception {
        this.endpoint = endpoint;
        this.peer = new PeerTransport(extensions);
        SessionContext context = new SessionContext("s-1", null, config, URI.create("ws://localhost/test?x=1"), "x=1",
                Map.of("x", List.of("1")), Map.of("room", "blue"), null, "", List.of(), false, peers);
        Connection engine = Connection.established(Role.SERVER, EngineConfig.builder().autoPong(false).build(), extensions);
        this.session = WsSession.open(context, endpoint, engine, !extensions.isEmpty(), peer, defaults, resources,
                SessionInterceptor.NONE, null, metrics.endpoint(config.getPath()));
    }

    static Harness open(Consumer<Session> onOpen) throws Exception {
        return open(onOpen, ContainerDefaults.standard());
    }

    static Harness open(Consumer<Session> onOpen, ContainerDefaults defaults) throws Exception {
        return new Harness(new HandlingRecorder(onOpen), defaults, config(), List.of());
    }

    /** A session of an endpoint configured as {@code config} (its decoders and encoders, say). */
    static Harness open(ServerEndpointConfig config, Consumer<Session> onOpen) throws Exception {
        return new Harness(new HandlingRecorder(onOpen), ContainerDefaults.standard(), config, List.of());
    }

    /** A session of the given endpoint, for tests that need its callbacks to do more than record. */
    static Harness open(Recorder endpoint) throws Exception {
        return new Harness(endpoint, ContainerDefaults.standard(), config(), List.of());
    }

    static Harness openWithoutErrorHandler(Consumer<Session> onOpen) throws Exception {
        return new Harness(new Recorder(onOpen), ContainerDefaults.standard(), config(), List.of());
    }

    static Harness openWithDeflate(Consumer<Session> onOpen) throws Exception {
        return new Harness(new HandlingRecorder(onOpen), ContainerDefaults.standard(), config(),
                List.of(new ExtensionOffer("permessage-deflate", Map.of())));
    }

    static ServerEndpointConfig config() {
        return ServerEndpointConfig.Builder.create(Recorder.class, "/test/{room}").build();
    }

    /** Waits until the peer has seen {@code lines} (exactly these, in order). */
    void awaitPeerSaw(String... lines) {
        await().atMost(Duration.ofSeconds(10)).until(() -> peer.peerSaw().equals(List.of(lines)));
    }

    private long queuedBytes() {
        return session.bufferedAmount();
    }

    void awaitClosed() {
        await().atMost(Duration.ofSeconds(10)).until(() -> !endpoint.closes.isEmpty() && !session.isOpen());
    }

    @Override
    public void close() {
        peer.shutdown();
        resources.close();
    }

    /** An endpoint that records its lifecycle calls. */
    static class Recorder extends Endpoint {
        final List<CloseReason> closes = new CopyOnWriteArrayList<>();
        final List<Throwable> errors = new CopyOnWriteArrayList<>();
        final List<String> threads = new CopyOnWriteArrayList<>();
        private final Consumer<Session> onOpen;

        Recorder(Consumer<Session> onOpen) {
            this.onOpen = onOpen;
        }

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            onOpen.accept(session);
        }

        @Override
        public void onClose(Session session, CloseReason reason) {
            closes.add(reason);
        }
    }

    /** A recorder with an error handler. */
    static class HandlingRecorder extends Recorder {
        HandlingRecorder(Consumer<Session> onOpen) {
            super(onOpen);
        }

        @Override
        public void onError(Session session, Throwable error) {
            errors.add(error);
        }
    }
}
