package dev.freeway.container;

import static dev.freeway.container.session.PeerTransport.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.freeway.container.endpoint.EndpointFactory;
import dev.freeway.container.endpoint.EndpointInstance;
import dev.freeway.container.endpoint.SessionInterceptor;
import dev.freeway.container.server.FreewayHandshakeRequest;
import dev.freeway.container.server.PreparedSession;
import dev.freeway.container.session.PeerTransport;
import dev.freeway.container.session.WsSession;
import dev.freeway.engine.AcceptConnection;
import dev.freeway.engine.Close;
import dev.freeway.engine.Connection;
import dev.freeway.engine.Data;
import dev.freeway.engine.DeflateSettings;
import dev.freeway.engine.EngineConfig;
import dev.freeway.engine.HttpHeaders;
import dev.freeway.engine.Request;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The container's hooks for host environments: an {@link EndpointFactory} making endpoint instances
 * (and releasing them), and {@link SessionInterceptor}s told of a session's life and wrapped around
 * each of its callbacks.
 */
class ContainerHooksTest {
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final List<PeerTransport> transports = new ArrayList<>();
    private FreewayServerContainer container;

    @BeforeEach
    void create() {
        container = new FreewayServerContainer(ContainerDefaults.standard().withCloseTimeoutMillis(500),
                DeflateSettings.disabled(), EngineConfig.defaults());
    }

    @AfterEach
    void close() {
        container.close();
        transports.forEach(PeerTransport::shutdown);
    }

    /** Echoes text; logs its callbacks, each with what the interceptor had set on the thread. */
    @ServerEndpoint("/echo")
    public static class Echo {
        final List<String> log;
        final ThreadLocal<String> scope;

        public Echo() {
            this(new ArrayList<>(), new ThreadLocal<>());
        }

        Echo(List<String> log, ThreadLocal<String> scope) {
            this.log = log;
            this.scope = scope;
        }

        @OnOpen
        public void open() {
            log.add("onOpen in " + scope.get());
        }

        @OnMessage
        public String echo(String text) {
            log.add("onMessage in " + scope.get());
            return text;
        }

        @OnClose
        public void close() {
            log.add("onClose in " + scope.get());
        }
    }

    /** What a CDI client proxy or intercepting subclass is: a subclass overriding the methods. */
    public static class EchoProxy extends Echo {
        EchoProxy(List<String> log, ThreadLocal<String> scope) {
            super(log, scope);
        }

        @Override
        public String echo(String text) {
            return "proxied " + super.echo(text);
        }
    }

    /** Has a configurator that creates instances itself. */
    @ServerEndpoint(value = "/own", configurator = OwnInstances.class)
    public static class Own {
        @OnMessage
        public String echo(String text) {
            return "own " + text;
        }
    }

    public static class OwnInstances extends ServerEndpointConfig.Configurator {
        @Override
        public <T> T getEndpointInstance(Class<T> endpointClass) throws InstantiationException {
            return endpointClass.cast(new Own());
        }
    }

    /** A programmatic endpoint without onError whose handler throws. */
    public static class Thrower extends Endpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
            session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
                throw new IllegalStateException("boom");
            });
        }
    }

    /** A proxy of {@link Thrower}: overrides every method, onError included, as CDI's do. */
    public static class ThrowerProxy extends Thrower {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
            super.onOpen(session, config);
        }

        @Override
        public void onError(Session session, Throwable thr) {
            super.onError(session, thr);
        }
    }

    /** Makes the instance it is given and logs its release. */
    private EndpointFactory factory(Object instance) {
        return type -> {
            log.add("create " + type.getSimpleName());
            return new EndpointInstance() {
                @Override
                public Object get() {
                    return instance;
                }

                @Override
                public void release() {
                    log.add("release");
                }
            };
        };
    }

    /** Sets {@code scope} to its name around each callback and logs its life. */
    private SessionInterceptor interceptor(String name, ThreadLocal<String> scope) {
        return new SessionInterceptor() {
            @Override
            public void opened(Session session) {
                log.add(name + " opened");
            }

            @Override
            public void around(Session session, Callback callback) throws Exception {
                String outer = scope.get();
                scope.set(outer == null ? name : outer + ">" + name);
                try {
                    callback.run();
                } finally {
                    scope.set(outer);
                }
            }

            @Override
            public void closed(Session session, CloseReason reason) {
                log.add(name + " closed " + reason.getCloseCode().getCode());
            }
        };
    }

    @Test
    void theFactoryMakesInstancesOfDefaultConfiguredEndpointsAndReleasesThemAfterOnClose() throws Exception {
        ThreadLocal<String> scope = new ThreadLocal<>();
        container.addEndpoint(Echo.class);
        container.setEndpointFactory(factory(new EchoProxy(log, scope)));
        container.addSessionInterceptor(interceptor("cdi", scope));

        Peer p = connect("/echo");
        p.transport.send(Data.text("hi", true));
        p.awaitPeerSaw("text " + hex("proxied hi"));
        p.transport.send(new Close(1000, ""));
        await().atMost(Duration.ofSeconds(5)).until(() -> log.contains("cdi closed 1000"));
        assertThat(log).containsExactly("create Echo", "cdi opened", "onOpen in cdi", "onMessage in cdi",
                "onClose in cdi", "release", "cdi closed 1000");
    }

    @Test
    void interceptorsNestInTheOrderTheyWereAdded() throws Exception {
        ThreadLocal<String> scope = new ThreadLocal<>();
        container.addEndpoint(Echo.class);
        container.setEndpointFactory(factory(new Echo(log, scope)));
        container.addSessionInterceptor(interceptor("outer", scope));
        container.addSessionInterceptor(interceptor("inner", scope));

        Peer p = connect("/echo");
        p.transport.send(Data.text("hi", true));
        p.awaitPeerSaw("text " + hex("hi"));
        p.transport.send(new Close(1000, ""));
        await().atMost(Duration.ofSeconds(5)).until(() -> log.contains("outer closed 1000"));
        assertThat(log).containsExactly("create Echo", "outer opened", "inner opened", "onOpen in outer>inner",
                "onMessage in outer>inner", "onClose in outer>inner", "release", "inner closed 1000", "outer closed 1000");
    }

    @Test
    void aConfiguratorThatCreatesInstancesKeepsTheLastWord() throws Exception {
        container.addEndpoint(Own.class);
        container.setEndpointFactory(factory(new Own()));
        Peer p = connect("/own");
        p.transport.send(Data.text("hi", true));
        p.awaitPeerSaw("text " + hex("own hi"));
        assertThat(log).isEmpty();
    }

    @Test
    void aFactoryThatDeclinesLeavesTheInstanceToTheConfigurator() throws Exception {
        container.addEndpoint(Echo.class);
        AtomicInteger asked = new AtomicInteger();
        container.setEndpointFactory(type -> {
            asked.incrementAndGet();
            return null;
        });
        Peer p = connect("/echo");
        p.transport.send(Data.text("hi", true));
        p.awaitPeerSaw("text " + hex("hi"));
        assertThat(asked).hasValue(1);
    }

    @Test
    void aProxiedProgrammaticEndpointWithoutOnErrorStillClosesWith1011() throws Exception {
        container.addEndpoint(ServerEndpointConfig.Builder.create(Thrower.class, "/thrower").build());
        container.setEndpointFactory(factory(new ThrowerProxy()));
        Peer p = connect("/thrower");
        p.transport.send(Data.text("hi", true));
        p.awaitPeerSaw("close 1011 IllegalStateException: boom");
    }

    @Test
    void aPreparedSessionThatNeverOpensReleasesItsInstanceOnce() throws Exception {
        container.addEndpoint(Echo.class);
        container.setEndpointFactory(factory(new Echo()));
        PreparedSession prepared = prepare("/echo");
        prepared.discard();
        prepared.discard();
        assertThat(log).containsExactly("create Echo", "release");
    }

    /** Logs the context class loader each callback (and each send handler) ran with. */
    @ServerEndpoint("/loader")
    public static class LoaderProbe {
        final List<String> seen;
        final ClassLoader expected;

        public LoaderProbe() {
            this(new ArrayList<>(), null);
        }

        LoaderProbe(List<String> seen, ClassLoader expected) {
            this.seen = seen;
            this.expected = expected;
        }

        private void see(String what) {
            seen.add(what + (Thread.currentThread().getContextClassLoader() == expected ? " in the application's" : " elsewhere"));
        }

        @OnOpen
        public void open() {
            see("onOpen");
        }

        @OnMessage
        public void message(String text, Session session) {
            see("onMessage");
            session.getAsyncRemote().sendText(text, result -> see("SendHandler"));
        }

        @OnClose
        public void close() {
            see("onClose");
        }
    }

    @Test
    void callbacksRunWithTheApplicationsClassLoaderAndThreadsGetTheirsBack() throws Exception {
        ClassLoader application = new java.net.URLClassLoader(new java.net.URL[0], getClass().getClassLoader());
        container.close();
        container = new FreewayServerContainer(ContainerDefaults.standard(), DeflateSettings.disabled(),
                EngineConfig.defaults(), application);
        container.addEndpoint(LoaderProbe.class);
        container.setEndpointFactory(factory(new LoaderProbe(log, application)));
        ClassLoader mine = Thread.currentThread().getContextClassLoader();

        Peer p = connect("/loader"); // onOpen runs on this thread
        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(mine);
        p.transport.send(Data.text("hi", true));
        p.awaitPeerSaw("text " + hex("hi"));
        p.transport.send(new Close(1000, ""));
        await().atMost(Duration.ofSeconds(5)).until(() -> log.contains("release"));
        await().atMost(Duration.ofSeconds(5)).until(() -> log.size() == 6);
        assertThat(log).containsExactlyInAnyOrder("create LoaderProbe", "release", "onOpen in the application's",
                "onMessage in the application's", "SendHandler in the application's", "onClose in the application's");
    }

    /** One connection's peer side. */
    private record Peer(PeerTransport transport, WsSession session) {
        void awaitPeerSaw(String... lines) {
            await().atMost(Duration.ofSeconds(10)).until(() -> transport.peerSaw().equals(List.of(lines)));
        }
    }

    private PreparedSession prepare(String path) {
        Request request = new Request("localhost", path, HttpHeaders.of(), List.of(), List.of());
        FreewayHandshakeRequest hr = FreewayHandshakeRequest.builder(URI.create("ws://localhost" + path)).build();
        Object prepared = container.prepare(request, container.match(path), hr);
        assertThat(prepared).isInstanceOf(PreparedSession.class);
        return (PreparedSession) prepared;
    }

    private Peer connect(String path) throws Exception {
        PreparedSession prepared = prepare(path);
        AcceptConnection accept = prepared.accepted().accept();
        PeerTransport transport = new PeerTransport(accept.extensions());
        transports.add(transport);
        Connection server = Connection.established(dev.freeway.engine.Role.SERVER, container.engineConfig(),
                accept.extensions(), container.deflateSettings());
        return new Peer(transport, container.open(prepared, transport, server));
    }
}
