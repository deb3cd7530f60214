package dev.freeway.container.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.websocket.Extension;
import jakarta.websocket.server.ServerEndpointConfig;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;

class DefaultServerConfiguratorTest {
    private final DefaultServerConfigurator configurator = new DefaultServerConfigurator();

    public static class Good {
        static final AtomicInteger CREATED = new AtomicInteger();

        public Good() {
            CREATED.incrementAndGet();
        }
    }

    public static class NoDefaultConstructor {
        public NoDefaultConstructor(String x) {
        }
    }

    public static class PrivateConstructor {
        private PrivateConstructor() {
        }
    }

    public abstract static class Abstract {
    }

    static class NotPublic {
    }

    public class Inner {
    }

    public static class Throwing {
        public Throwing() {
            throw new IllegalStateException("no database");
        }
    }

    private static String cannot(Class<?> c, String problem) {
        return c.getName() + " cannot be created by the default configurator: " + problem
                + ". An endpoint class must be public and concrete with a public no-argument constructor "
                + "(Jakarta WebSocket 2.2 section 4.1), unless its configurator overrides getEndpointInstance";
    }

    @Nested
    class Subprotocols {
        @Test
        void firstOfTheClientsListThatTheServerSupports() {
            assertThat(configurator.getNegotiatedSubprotocol(List.of("chat", "superchat"), List.of("superchat", "chat")))
                    .isEqualTo("superchat");
            assertThat(configurator.getNegotiatedSubprotocol(List.of("b", "c"), List.of("a", "c", "b"))).isEqualTo("c");
        }

        @Test
        void emptyWhenNothingIsShared() {
            assertThat(configurator.getNegotiatedSubprotocol(List.of("a"), List.of("b"))).isEmpty();
            assertThat(configurator.getNegotiatedSubprotocol(List.of(), List.of("b"))).isEmpty();
            assertThat(configurator.getNegotiatedSubprotocol(List.of("a"), List.of())).isEmpty();
            assertThat(configurator.getNegotiatedSubprotocol(null, null)).isEmpty();
        }

        @Test
        void caseSensitive() {
            assertThat(configurator.getNegotiatedSubprotocol(List.of("Chat"), List.of("chat"))).isEmpty();
        }
    }

    @Nested
    class Extensions {
        private final Extension deflateOffer = new FreewayExtension("permessage-deflate",
                List.of(new FreewayExtension.Parameter("client_max_window_bits", null)));
        private final Extension plainDeflate = FreewayExtension.of("permessage-deflate");
        private final Extension foo = FreewayExtension.of("x-foo");
        private final Extension bar = FreewayExtension.of("x-bar");

        @Test
        void requestedThatAreInstalledInTheClientsOrderWithTheClientsParameters() {
            List<Extension> result = configurator.getNegotiatedExtensions(
                    List.of(bar, plainDeflate), List.of(foo, deflateOffer, bar, plainDeflate));
            assertThat(result).containsExactly(deflateOffer, bar, plainDeflate);
        }

        @Test
        void noneWhenNothingIsInstalledOrRequested() {
            assertThat(configurator.getNegotiatedExtensions(List.of(), List.of(foo))).isEmpty();
            assertThat(configurator.getNegotiatedExtensions(List.of(foo), List.of())).isEmpty();
            assertThat(configurator.getNegotiatedExtensions(null, null)).isEmpty();
        }
    }

    @Test
    void acceptsEveryOrigin() {
        assertThat(configurator.checkOrigin("https://example.com")).isTrue();
        assertThat(configurator.checkOrigin(null)).isTrue();
    }

    @Test
    void modifyHandshakeChangesNothing() {
        FreewayHandshakeResponse response = new FreewayHandshakeResponse();
        configurator.modifyHandshake(null, null, response);
        assertThat(response.getHeaders()).isEmpty();
    }

    @Nested
    class EndpointInstances {
        @Test
        void newInstanceEachTime() throws InstantiationException {
            Good a = configurator.getEndpointInstance(Good.class);
            Good b = configurator.getEndpointInstance(Good.class);
            assertThat(a).isNotSameAs(b).isInstanceOf(Good.class);
        }

        @Test
        void missingNoArgConstructor() {
            assertThatThrownBy(() -> configurator.getEndpointInstance(NoDefaultConstructor.class))
                    .isInstanceOf(InstantiationException.class)
                    .hasMessage(cannot(NoDefaultConstructor.class, "it has no public no-argument constructor"));
            assertThatThrownBy(() -> configurator.getEndpointInstance(PrivateConstructor.class))
                    .hasMessage(cannot(PrivateConstructor.class, "its no-argument constructor is not public"));
        }

        @Test
        void abstractNonPublicInnerAndInterfaces() {
            assertThatThrownBy(() -> configurator.getEndpointInstance(Abstract.class))
                    .hasMessage(cannot(Abstract.class, "it is abstract"));
            assertThatThrownBy(() -> configurator.getEndpointInstance(NotPublic.class))
                    .hasMessage(cannot(NotPublic.class, "it is not public"));
            assertThatThrownBy(() -> configurator.getEndpointInstance(Inner.class))
                    .hasMessage(cannot(Inner.class, "it is an inner class; declare it static"));
            assertThatThrownBy(() -> configurator.getEndpointInstance(Runnable.class))
                    .hasMessage(cannot(Runnable.class, "it is not a class that can be instantiated"));
            Object local = new Object() {
            };
            assertThatThrownBy(() -> configurator.getEndpointInstance(local.getClass()))
                    .hasMessage(cannot(local.getClass(), "it is a local or anonymous class"));
            assertThatThrownBy(() -> configurator.getEndpointInstance(null)).isInstanceOf(InstantiationException.class)
                    .hasMessage("no endpoint class given");
        }

        @Test
        void constructorFailureIsTheCause() {
            assertThatThrownBy(() -> configurator.getEndpointInstance(Throwing.class))
                    .isInstanceOf(InstantiationException.class)
                    .hasMessage("the constructor of " + Throwing.class.getName()
                            + " threw java.lang.IllegalStateException: no database")
                    .hasCauseInstanceOf(IllegalStateException.class);
        }
    }

    @Nested
    class AsThePlatformDefault {
        @Test
        void serviceLoaderFindsIt() {
            assertThat(ServiceLoader.load(ServerEndpointConfig.Configurator.class).findFirst())
                    .get().isInstanceOf(DefaultServerConfigurator.class);
        }

        @Test
        void isItsOwnDefault() {
            assertThat(configurator.getContainerDefaultConfigurator()).isSameAs(configurator);
        }

        @Test
        void aPlainApiConfiguratorDelegatesToIt() throws InstantiationException {
            ServerEndpointConfig.Configurator plain = new ServerEndpointConfig.Configurator();
            assertThat(plain.getContainerDefaultConfigurator()).isInstanceOf(DefaultServerConfigurator.class);
            assertThat(plain.getNegotiatedSubprotocol(List.of("a", "b"), List.of("b", "a"))).isEqualTo("b");
            assertThat(plain.getNegotiatedExtensions(List.of(FreewayExtension.of("x")),
                    List.of(FreewayExtension.of("y"), FreewayExtension.of("x")))).containsExactly(FreewayExtension.of("x"));
            assertThat(plain.checkOrigin("http://evil.example")).isTrue();
            assertThat(plain.getEndpointInstance(Good.class)).isInstanceOf(Good.class);
            assertThatThrownBy(() -> plain.getEndpointInstance(Abstract.class))
                    .hasMessage(cannot(Abstract.class, "it is abstract"));
        }

        @Test
        void anApplicationConfiguratorInheritsItsBehaviour() {
            ServerEndpointConfig.Configurator app = new ServerEndpointConfig.Configurator() {
                @Override
                public boolean checkOrigin(String origin) {
                    return "https://ok.example".equals(origin);
                }
            };
            assertThat(app.checkOrigin("https://bad.example")).isFalse();
            assertThat(app.getNegotiatedSubprotocol(List.of("a"), List.of("a"))).isEqualTo("a");
        }

        @Test
        void aBuilderWithoutConfiguratorGetsIt() {
            ServerEndpointConfig config = ServerEndpointConfig.Builder.create(Good.class, "/x").build();
            assertThat(config.getConfigurator()).isInstanceOf(DefaultServerConfigurator.class);
            assertThat(config.getUserProperties()).isEqualTo(Map.of());
        }
    }
}
