package dev.freeway.container.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

class EndpointRegistryTest {
    /** Endpoint classes whose names identify the config in assertions. */
    public static class A extends Plain {
    }

    public static class B extends Plain {
    }

    public static class C extends Plain {
    }

    public static class D extends Plain {
    }

    public static class Plain extends Endpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
        }
    }

    private static ServerEndpointConfig config(Class<?> endpoint, String path) {
        return ServerEndpointConfig.Builder.create(endpoint, path).configurator(new DefaultServerConfigurator()).build();
    }

    private static EndpointRegistry registry(Object... classesAndPaths) throws DeploymentException {
        EndpointRegistry r = new EndpointRegistry();
        for (int i = 0; i < classesAndPaths.length; i += 2) {
            r.add(config((Class<?>) classesAndPaths[i], (String) classesAndPaths[i + 1]));
        }
        return r;
    }

    private static Class<?> endpointFor(EndpointRegistry r, String path) {
        EndpointRegistry.Match m = r.find(path);
        return m == null ? null : m.config().getEndpointClass();
    }

    @Nested
    class SpecExamples {
        @Test
        void exactMatchBeatsTemplate() throws DeploymentException {
            // Section 3.1.1: "/a/b" against endpoints "/a/b" and "/a/{customer-name}".
            EndpointRegistry r = registry(B.class, "/a/{customer-name}", A.class, "/a/b");
            assertThat(endpointFor(r, "/a/b")).isEqualTo(A.class);
            assertThat(r.find("/a/b").pathParameters()).isEmpty();
            assertThat(r.find("/a/c").pathParameters()).containsExactly(Map.entry("customer-name", "c"));
        }

        @Test
        void exampleOneTrailingSlashIsItsOwnPath() throws DeploymentException {
            EndpointRegistry r = registry(A.class, "/a/b/");
            assertThat(endpointFor(r, "/a/b/")).isEqualTo(A.class);
            assertThat(r.find("/a/b")).isNull();
        }

        @Test
        void exampleTwoVariableSegment() throws DeploymentException {
            EndpointRegistry r = registry(A.class, "/a/{var}");
            assertThat(r.find("/a/b").pathParameters()).containsExactly(Map.entry("var", "b"));
            assertThat(r.find("/a/apple").pathParameters()).containsExactly(Map.entry("var", "apple"));
            assertThat(r.find("/a")).isNull();
            assertThat(r.find("/a/b/")).isNull();
            assertThat(r.find("/a/b/c")).isNull();
        }

        @Test
        void exampleThreeExactThenLeftmostLiteral() throws DeploymentException {
            EndpointRegistry r = registry(A.class, "/a/{var}/c", B.class, "/a/b/c", C.class, "/a/{var1}/{var2}");
            assertThat(endpointFor(r, "/a/b/c")).isEqualTo(B.class);
            EndpointRegistry.Match d = r.find("/a/d/c");
            assertThat(d.config().getEndpointClass()).isEqualTo(A.class);
            assertThat(d.pathParameters()).containsExactly(Map.entry("var", "d"));
            EndpointRegistry.Match xy = r.find("/a/x/y");
            assertThat(xy.config().getEndpointClass()).isEqualTo(C.class);
            assertThat(xy.pathParameters()).containsExactly(Map.entry("var1", "x"), Map.entry("var2", "y"));
        }

        /**
         * The spec's example iii says "a/x/y/ matches C"; its own algorithm (same number of
         * segments) and example ii (/a/{var} does not match /a/b/) say otherwise. Freeway follows
         * the algorithm: the trailing slash makes a fourth, empty segment.
         */
        @Test
        void exampleThreeTrailingSlashFollowsTheAlgorithm() throws DeploymentException {
            EndpointRegistry r = registry(A.class, "/a/{var}/c", B.class, "/a/b/c", C.class, "/a/{var1}/{var2}");
            assertThat(r.find("/a/x/y/")).isNull();
        }

        @Test
        void exampleFourLeftToRight() throws DeploymentException {
            EndpointRegistry r = registry(A.class, "/{var1}/d", B.class, "/b/{var2}");
            EndpointRegistry.Match m = r.find("/b/d");
            assertThat(m.config().getEndpointClass()).isEqualTo(B.class);
            assertThat(m.pathParameters()).containsExactly(Map.entry("var2", "d"));
            assertThat(r.find("/x/d").pathParameters()).containsExactly(Map.entry("var1", "x"));
        }

        @Test
        void noMatchNoEndpoint() throws DeploymentException {
            EndpointRegistry r = registry(A.class, "/a/{var}");
            assertThat(r.find("/b/x")).isNull();
            assertThat(r.find("/")).isNull();
        }
    }

    @Nested
    class Precedence {
        /**
         * Taken literally, section 3.1.1's pruning keeps /b/c at the first segment for /b/d and
         * then has nothing; but /b/d is a valid expansion of /{x}/d, so Freeway matches it.
         */
        @Test
        void literalPrefixThatFailsLaterFallsBackToVariable() throws DeploymentException {
            EndpointRegistry r = registry(A.class, "/b/c", B.class, "/{x}/d");
            assertThat(endpointFor(r, "/b/c")).isEqualTo(A.class);
            assertThat(endpointFor(r, "/b/d")).isEqualTo(B.class);
            assertThat(r.find("/b/d").pathParameters()).containsExactly(Map.entry("x", "b"));
        }

        @Test
        void templateWithLiteralPrefixThatFailsLaterFallsBackToTheNextTemplate() throws DeploymentException {
            EndpointRegistry r = registry(A.class, "/b/{y}/c", B.class, "/{x}/q/d");
            assertThat(endpointFor(r, "/b/q/c")).isEqualTo(A.class);
            EndpointRegistry.Match m = r.find("/b/q/d");
            assertThat(m.config().getEndpointClass()).isEqualTo(B.class);
            assertThat(m.pathParameters()).containsExactly(Map.entry("x", "b"));
        }

        @Test
        void literalBeatsVariableAtEveryPosition() throws DeploymentException {
            EndpointRegistry r = registry(A.class, "/{a}/{b}/{c}", B.class, "/{a}/{b}/z", C.class, "/{a}/y/{c}",
                    D.class, "/x/{b}/{c}");
            assertThat(endpointFor(r, "/x/y/z")).isEqualTo(D.class);
            assertThat(endpointFor(r, "/w/y/z")).isEqualTo(C.class);
            assertThat(endpointFor(r, "/w/v/z")).isEqualTo(B.class);
            assertThat(endpointFor(r, "/w/v/u")).isEqualTo(A.class);
        }

        @Test
        void segmentCountMustAgree() throws DeploymentException {
            EndpointRegistry r = registry(A.class, "/{a}", B.class, "/{a}/{b}", C.class, "/{a}/{b}/");
            assertThat(endpointFor(r, "/1")).isEqualTo(A.class);
            assertThat(endpointFor(r, "/1/2")).isEqualTo(B.class);
            assertThat(endpointFor(r, "/1/2/")).isEqualTo(C.class);
            assertThat(r.find("/1/2/3")).isNull();
        }

        @Test
        void requestPathIsDecodedBeforeLookUp() throws DeploymentException {
            EndpointRegistry r = registry(A.class, "/caf%C3%A9", B.class, "/{x}");
            assertThat(endpointFor(r, "/caf%c3%a9")).isEqualTo(A.class);
            assertThat(r.find("/caf%C3%A9x").pathParameters()).containsExactly(Map.entry("x", "caféx"));
        }

        @Test
        void dotSegmentsMatchNothing() throws DeploymentException {
            EndpointRegistry r = registry(A.class, "/{x}", B.class, "/{x}/{y}");
            assertThat(r.find("/..")).isNull();
            assertThat(r.find("/a/%2e%2e")).isNull();
        }
    }

    @Nested
    class Deployment {
        @Test
        void equivalentTemplatesConflict() throws DeploymentException {
            EndpointRegistry r = registry(B.class, "/chat/{name}");
            assertThatThrownBy(() -> r.add(config(A.class, "/chat/{room}")))
                    .isInstanceOf(DeploymentException.class)
                    .hasMessage(A.class.getName() + ": path '/chat/{room}' conflicts with " + B.class.getName()
                            + "'s '/chat/{name}': both match the same URIs (Jakarta WebSocket 2.2 section 3.1.1)");
        }

        @Test
        void samePathConflicts() throws DeploymentException {
            EndpointRegistry r = registry(B.class, "/chat");
            assertThatThrownBy(() -> r.add(config(A.class, "/chat")))
                    .isInstanceOf(DeploymentException.class)
                    .hasMessage(A.class.getName() + ": path '/chat' conflicts with " + B.class.getName()
                            + "'s '/chat': both have the same path (Jakarta WebSocket 2.2 section 3.1.1)");
        }

        @Test
        void sameClassTwiceConflicts() throws DeploymentException {
            EndpointRegistry r = registry(A.class, "/chat");
            assertThatThrownBy(() -> r.add(config(A.class, "/chat"))).isInstanceOf(DeploymentException.class)
                    .hasMessageContaining("both have the same path");
        }

        @Test
        void encodedAndPlainLiteralsConflict() throws DeploymentException {
            EndpointRegistry r = registry(B.class, "/ab");
            assertThatThrownBy(() -> r.add(config(A.class, "/a%62")))
                    .hasMessage(A.class.getName() + ": path '/a%62' conflicts with " + B.class.getName()
                            + "'s '/ab': both match the same URIs (Jakarta WebSocket 2.2 section 3.1.1)");
        }

        @Test
        void aFailedAddLeavesTheTableAsItWas() throws DeploymentException {
            EndpointRegistry r = registry(B.class, "/chat/{name}");
            assertThatThrownBy(() -> r.add(config(A.class, "/chat/{room}"))).isInstanceOf(DeploymentException.class);
            assertThat(r.configs()).extracting(ServerEndpointConfig::getEndpointClass).containsExactly(B.class);
        }

        @Test
        void invalidPathNamesTheClass() {
            EndpointRegistry r = new EndpointRegistry();
            ServerEndpointConfig bad = config(A.class, "/a/b{var}");
            assertThatThrownBy(() -> r.add(bad)).isInstanceOf(DeploymentException.class)
                    .hasMessage(A.class.getName() + ": path '/a/b{var}' has '{' inside segment 2 ('b{var}'); a variable "
                            + "must be a whole segment, like '/{name}' (Jakarta WebSocket 2.2 section 3.1.1)");
        }

        @Test
        void configWithoutEndpointClass() {
            ServerEndpointConfig real = config(A.class, "/x");
            ServerEndpointConfig noClass = (ServerEndpointConfig) java.lang.reflect.Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {ServerEndpointConfig.class},
                    (proxy, method, args) -> method.getName().equals("getEndpointClass") ? null
                            : method.invoke(real, args));
            assertThatThrownBy(() -> new EndpointRegistry().add(noClass)).isInstanceOf(DeploymentException.class)
                    .hasMessage("the ServerEndpointConfig for path '/x' has no endpoint class");
            assertThatThrownBy(() -> new EndpointRegistry().add(null)).isInstanceOf(DeploymentException.class)
                    .hasMessage("no ServerEndpointConfig given");
        }

        @Test
        void configsInDeploymentOrder() throws DeploymentException {
            EndpointRegistry r = new EndpointRegistry();
            assertThat(r.isEmpty()).isTrue();
            r.add(config(B.class, "/b"));
            r.add(config(A.class, "/{a}"));
            assertThat(r.isEmpty()).isFalse();
            assertThat(r.configs()).extracting(ServerEndpointConfig::getEndpointClass).containsExactly(B.class, A.class);
        }
    }

    @Test
    void addingWhileReadingIsSafe() throws Exception {
        EndpointRegistry r = registry(A.class, "/fixed");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(2);
        List<Thread> readers = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            Thread reader = new Thread(() -> {
                started.countDown();
                try {
                    while (!stop.get()) {
                        if (endpointFor(r, "/fixed") != A.class) {
                            throw new AssertionError("/fixed lost while adding");
                        }
                        r.find("/t/17/x");
                    }
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            readers.add(reader);
            reader.start();
        }
        started.await();
        for (int i = 0; i < 200; i++) {
            r.add(config(B.class, "/t/" + i + "/{v}"));
        }
        stop.set(true);
        for (Thread reader : readers) {
            reader.join();
        }
        assertThat(failure.get()).isNull();
        assertThat(r.find("/t/199/x").pathParameters()).containsExactly(Map.entry("v", "x"));
        assertThat(r.configs()).hasSize(201);
    }
}
