package dev.freeway.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.freeway.cdi.app.ConnectionScopedEndpoint;
import dev.freeway.cdi.app.ConnectionState;
import dev.freeway.cdi.app.DecoratedEndpoint;
import dev.freeway.cdi.app.DependentEndpoint;
import dev.freeway.cdi.app.InjectedEndpoint;
import dev.freeway.cdi.app.LifecycleEndpoint;
import dev.freeway.cdi.app.PlainEndpoint;
import dev.freeway.cdi.app.ProgrammaticEndpoint;
import dev.freeway.cdi.app.RequestEndpoint;
import dev.freeway.cdi.app.SessionInfo;
import dev.freeway.cdi.app.SessionRegistry;
import dev.freeway.cdi.app.SharedEndpoint;
import dev.freeway.cdi.app.Tally;
import dev.freeway.cdi.app.TestApplication;
import jakarta.enterprise.context.ContextNotActiveException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Endpoints as CDI beans in Jetty 12.1 and Tomcat 11 with Weld Servlet: injection, interceptors and
 * decorators, the lifetimes of endpoints and of {@link WebSocketSessionScoped} beans, a request
 * context per callback, {@code @Inject Session}, and the session events. One server of each kind
 * serves every test here; counts are compared before and after.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CdiEndpointsTest {
    private static final Class<?>[] APPLICATION = {InjectedEndpoint.class, DependentEndpoint.class,
        SharedEndpoint.class, RequestEndpoint.class, DecoratedEndpoint.class, PlainEndpoint.class,
        LifecycleEndpoint.class, ProgrammaticEndpoint.class, ConnectionScopedEndpoint.class, TestApplication.class};

    private final Map<String, CdiServer> servers = new java.util.HashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        servers.put("jetty", CdiServer.start("jetty", CdiServer.Setup.WELD_FIRST, APPLICATION));
        servers.put("tomcat", CdiServer.start("tomcat", CdiServer.Setup.WELD_FIRST, APPLICATION));
    }

    @AfterAll
    void stop() {
        for (CdiServer s : servers.values()) {
            s.close();
        }
    }

    private Peer connect(String kind, String path) throws Exception {
        return Peer.connect(http, servers.get(kind).port(), path);
    }

    private Map<String, AtomicInteger> counts(String kind) {
        return servers.get(kind).bean(Tally.class).counts();
    }

    private static int count(Map<String, AtomicInteger> counts, String event) {
        AtomicInteger n = counts.get(event);
        return n == null ? 0 : n.get();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void injectsConstructorsFieldsAndInitializersAndIntercepts(String kind) throws Exception {
        Peer a = connect(kind, "/injected");
        Peer b = connect(kind, "/injected");
        String fromA = a.ask("ann");
        String fromB = b.ask("bob");
        // [greeting|the session the helper bean's @Inject Session reached|the endpoint's own session]
        assertThat(fromA).startsWith("[hello ann|").endsWith("@/app/injected]");
        String[] partsA = fromA.substring(1, fromA.length() - 1).split("\\|");
        String[] partsB = fromB.substring(1, fromB.length() - 1).split("\\|");
        assertThat(partsA[1]).isEqualTo(partsA[2]);
        assertThat(partsB[1]).isEqualTo(partsB[2]);
        assertThat(partsA[1]).isNotEqualTo(partsB[1]);
        a.close();
        b.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void decoratorsDecorateEndpointMethods(String kind) throws Exception {
        Peer p = connect(kind, "/decorated");
        assertThat(p.ask("hi")).isEqualTo("HI!");
        p.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void dependentEndpointsAndConnectionBeansLiveExactlyAsLongAsTheirConnection(String kind) throws Exception {
        Map<String, AtomicInteger> counts = counts(kind);
        int endpoints = count(counts, "DependentEndpoint.created");
        int endpointsGone = count(counts, "DependentEndpoint.destroyed");
        int states = count(counts, "ConnectionState.created");
        int statesGone = count(counts, "ConnectionState.destroyed");
        int n = 50;
        List<CompletableFuture<Peer>> connecting = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            connecting.add(Peer.connectAsync(http, servers.get(kind).port(), "/dependent"));
        }
        List<Peer> peers = new ArrayList<>();
        for (CompletableFuture<Peer> c : connecting) {
            peers.add(c.get(10, TimeUnit.SECONDS));
        }
        Set<String> endpointIds = new HashSet<>();
        Set<String> stateIds = new HashSet<>();
        for (Peer p : peers) {
            String[] first = p.ask("one").split("/");
            String[] second = p.ask("two").split("/");
            // The same endpoint and connection bean for both messages; the count is the connection's own.
            assertThat(second[0]).isEqualTo(first[0]);
            assertThat(second[1]).isEqualTo(first[1]);
            assertThat(first[2]).isEqualTo("1");
            assertThat(second[2]).isEqualTo("2");
            endpointIds.add(first[0]);
            stateIds.add(first[1]);
        }
        assertThat(endpointIds).hasSize(n);
        assertThat(stateIds).hasSize(n);
        assertThat(count(counts, "DependentEndpoint.created") - endpoints).isEqualTo(n);
        assertThat(count(counts, "ConnectionState.created") - states).isEqualTo(n);
        assertThat(count(counts, "DependentEndpoint.destroyed") - endpointsGone).isZero();
        assertThat(count(counts, "ConnectionState.destroyed") - statesGone).isZero();

        for (Peer p : peers) {
            assertThat(p.close()).isEqualTo(1000);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(count(counts, "DependentEndpoint.destroyed") - endpointsGone).isEqualTo(n);
            assertThat(count(counts, "ConnectionState.destroyed") - statesGone).isEqualTo(n);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void anApplicationScopedEndpointIsOneSharedInstance(String kind) throws Exception {
        Peer a = connect(kind, "/shared");
        Peer b = connect(kind, "/shared");
        String id = a.ask("x");
        assertThat(b.ask("y")).isEqualTo(id);
        a.close();
        Peer c = connect(kind, "/shared");
        assertThat(c.ask("z")).isEqualTo(id);
        b.close();
        c.close();
        assertThat(count(counts(kind), "SharedEndpoint.created")).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void anEndpointInTheConnectionsScopeIsOnePerConnectionAndDiesWithIt(String kind) throws Exception {
        Map<String, AtomicInteger> counts = counts(kind);
        int destroyed = count(counts, "ConnectionScopedEndpoint.destroyed");
        Peer a = connect(kind, "/scoped");
        Peer b = connect(kind, "/scoped");
        String[] a1 = a.ask("x").split("/");
        String[] b1 = b.ask("x").split("/");
        String[] a2 = a.ask("y").split("/");
        assertThat(a2[0]).isEqualTo(a1[0]);
        assertThat(a2[1]).isEqualTo("2");
        assertThat(b1[0]).isNotEqualTo(a1[0]);
        assertThat(b1[1]).isEqualTo("1");
        a.close();
        b.close();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(count(counts, "ConnectionScopedEndpoint.destroyed") - destroyed).isEqualTo(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void everyCallbackHasAFreshRequestContext(String kind) throws Exception {
        Map<String, AtomicInteger> counts = counts(kind);
        int destroyed = count(counts, "RequestState.destroyed");
        Peer p = connect(kind, "/request");
        String open = p.next();
        String[] first = p.ask("a").split(",");
        String[] second = p.ask("b").split(",");
        assertThat(first[0]).as("one request context within a callback").isEqualTo(first[1]);
        assertThat(second[0]).isEqualTo(second[1]);
        assertThat(second[0]).as("another in the next callback").isNotEqualTo(first[0]);
        assertThat(open).isNotEqualTo("open:" + first[0]).isNotEqualTo("open:" + second[0]);
        // Each request context's beans are destroyed when its callback returns (just after the reply).
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(count(counts, "RequestState.destroyed") - destroyed).isEqualTo(3));
        p.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void anEndpointThatIsNotABeanIsStillInjectedInterceptedAndDestroyed(String kind) throws Exception {
        Map<String, AtomicInteger> counts = counts(kind);
        int created = count(counts, "PlainEndpoint.created");
        int destroyed = count(counts, "PlainEndpoint.destroyed");
        Peer p = connect(kind, "/plain");
        assertThat(p.ask("x")).isEqualTo("[hello x]");
        assertThat(count(counts, "PlainEndpoint.created") - created).isEqualTo(1);
        p.close();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(count(counts, "PlainEndpoint.destroyed") - destroyed).isEqualTo(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void programmaticEndpointsAreBeansAndTheirHandlersRunInTheSessionsContexts(String kind) throws Exception {
        Map<String, AtomicInteger> counts = counts(kind);
        int destroyed = count(counts, "ProgrammaticEndpoint.destroyed");
        Peer p = connect(kind, "/programmatic");
        String first = p.ask("ann");
        assertThat(first).startsWith("hello ann|").endsWith("@/app/programmatic|1");
        assertThat(p.ask("bob")).startsWith("hello bob|").endsWith("@/app/programmatic|2");
        p.close();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(count(counts, "ProgrammaticEndpoint.destroyed") - destroyed).isEqualTo(1));
    }

    /**
     * How a test ends a /life session, and the close code its endpoint and observers are told (an
     * idle timeout sends the peer 1001 but tells the endpoint 1006, spec 2.1.5).
     */
    enum Ending {
        PEER_CLOSES(1000), SERVER_CLOSES(1000), HANDLER_FAILS(1011), IDLE_TIMEOUT(1006), PEER_VANISHES(1006);

        final int code;

        Ending(int code) {
            this.code = code;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void whateverEndsASessionItsBeansAreDestroyedAndObserversHearOfIt(String kind) throws Exception {
        Map<String, AtomicInteger> counts = counts(kind);
        SessionRegistry registry = servers.get(kind).bean(SessionRegistry.class);
        for (Ending ending : Ending.values()) {
            int endpoints = count(counts, "LifecycleEndpoint.destroyed");
            int states = count(counts, "ConnectionState.destroyed");
            int closedWithBeans = count(counts, "LifecycleEndpoint.closedWithBeans");
            Peer p = connect(kind, "/life");
            String id = p.next().split(" ")[0];
            assertThat(registry.isOpen(id)).as("observed opening").isTrue();
            assertThat(registry.closeCode(id)).isNull();
            switch (ending) {
                case PEER_CLOSES -> p.close();
                case SERVER_CLOSES -> {
                    p.send("close");
                    assertThat(p.closedBy()).isEqualTo(1000);
                }
                case HANDLER_FAILS -> {
                    p.send("fail");
                    assertThat(p.closedBy()).isEqualTo(1011);
                }
                case IDLE_TIMEOUT -> {
                    p.send("idle");
                    assertThat(p.closedBy()).isEqualTo(1001);
                }
                case PEER_VANISHES -> p.vanish();
            }
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(registry.closeCode(id)).as(ending + ": observed closing").isEqualTo(ending.code);
                assertThat(registry.isOpen(id)).isFalse();
                assertThat(count(counts, "LifecycleEndpoint.destroyed") - endpoints).as(ending + ": endpoint").isEqualTo(1);
                assertThat(count(counts, "ConnectionState.destroyed") - states).as(ending + ": connection bean").isEqualTo(1);
            });
            assertThat(count(counts, "LifecycleEndpoint.closedWithBeans") - closedWithBeans)
                    .as(ending + ": @OnClose still had the connection's beans").isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void outsideEveryCallbackThereIsNoSessionAndTheErrorSaysSo(String kind) {
        SessionInfo info = servers.get(kind).bean(SessionInfo.class);
        assertThatThrownBy(info::describe)
                .isInstanceOf(ContextNotActiveException.class)
                .hasMessage("no WebSocket session is active on this thread: "
                        + "@Inject Session works inside endpoint callbacks and beans they call");
        ConnectionState state = servers.get(kind).bean(ConnectionState.class);
        assertThatThrownBy(state::id).isInstanceOf(ContextNotActiveException.class);
    }
}
