package dev.freeway.container.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.websocket.DecodeException;
import jakarta.websocket.Decoder;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.EncodeException;
import jakarta.websocket.Encoder;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

class ServerEndpointConfigsTest {

    public static class TextDecoder implements Decoder.Text<Object> {
        @Override
        public Object decode(String s) throws DecodeException {
            return s;
        }

        @Override
        public boolean willDecode(String s) {
            return true;
        }
    }

    public static class BinaryEncoder implements Encoder.Binary<Object> {
        @Override
        public ByteBuffer encode(Object o) throws EncodeException {
            return ByteBuffer.allocate(0);
        }
    }

    public static class CountingConfigurator extends ServerEndpointConfig.Configurator {
    }

    public static class NoConstructorConfigurator extends ServerEndpointConfig.Configurator {
        public NoConstructorConfigurator(int x) {
        }
    }

    public static class ThrowingConfigurator extends ServerEndpointConfig.Configurator {
        public ThrowingConfigurator() {
            throw new IllegalStateException("boom");
        }
    }

    @ServerEndpoint(value = "/chat/{room}", subprotocols = {"v2.chat", "v1.chat"}, decoders = TextDecoder.class,
            encoders = BinaryEncoder.class, configurator = CountingConfigurator.class)
    public static class Chat {
    }

    @ServerEndpoint("/plain")
    public static class Plain {
    }

    public static class NotAnnotated {
    }

    @ServerEndpoint("/a/b{var}")
    public static class BadPath {
    }

    @ServerEndpoint("")
    public static class EmptyPath {
    }

    @ServerEndpoint(value = "/x", subprotocols = "not a token")
    public static class BadSubprotocol {
    }

    @ServerEndpoint(value = "/x", configurator = NoConstructorConfigurator.class)
    public static class BadConfigurator {
    }

    @ServerEndpoint(value = "/x", configurator = ThrowingConfigurator.class)
    public static class ConfiguratorThrows {
    }

    @ServerEndpoint("/x")
    abstract static class NotPublicAbstract {
    }

    @ServerEndpoint("/x")
    static class NotPublic {
    }

    @ServerEndpoint("/x")
    public abstract static class AbstractEndpoint {
    }

    @Test
    void readsEverythingTheAnnotationSays() throws DeploymentException {
        ServerEndpointConfig config = ServerEndpointConfigs.fromAnnotation(Chat.class);
        assertThat(config.getEndpointClass()).isEqualTo(Chat.class);
        assertThat(config.getPath()).isEqualTo("/chat/{room}");
        assertThat(config.getSubprotocols()).containsExactly("v2.chat", "v1.chat");
        assertThat(config.getDecoders()).containsExactly(TextDecoder.class);
        assertThat(config.getEncoders()).containsExactly(BinaryEncoder.class);
        assertThat(config.getExtensions()).isEmpty();
        assertThat(config.getConfigurator()).isInstanceOf(CountingConfigurator.class);
        assertThat(config.getConfigurator()).isSameAs(config.getConfigurator());
    }

    @Test
    void defaultConfiguratorIsFreeways() throws DeploymentException {
        ServerEndpointConfig config = ServerEndpointConfigs.fromAnnotation(Plain.class);
        assertThat(config.getConfigurator()).isExactlyInstanceOf(DefaultServerConfigurator.class);
        assertThat(config.getSubprotocols()).isEmpty();
        assertThat(config.getDecoders()).isEmpty();
        assertThat(config.getEncoders()).isEmpty();
    }

    @Test
    void eachDeploymentGetsItsOwnConfiguratorInstance() throws DeploymentException {
        assertThat(ServerEndpointConfigs.fromAnnotation(Chat.class).getConfigurator())
                .isNotSameAs(ServerEndpointConfigs.fromAnnotation(Chat.class).getConfigurator());
    }

    @Test
    void classWithoutAnnotation() {
        assertThatThrownBy(() -> ServerEndpointConfigs.fromAnnotation(NotAnnotated.class))
                .isInstanceOf(DeploymentException.class)
                .hasMessage(NotAnnotated.class.getName() + " is not annotated with @jakarta.websocket.server.ServerEndpoint;"
                        + " annotate it, or deploy it with a ServerEndpointConfig");
        assertThatThrownBy(() -> ServerEndpointConfigs.fromAnnotation(null)).isInstanceOf(DeploymentException.class)
                .hasMessage("no endpoint class given");
    }

    @Test
    void invalidPath() {
        assertThatThrownBy(() -> ServerEndpointConfigs.fromAnnotation(BadPath.class))
                .isInstanceOf(DeploymentException.class)
                .hasMessage(BadPath.class.getName() + ": @ServerEndpoint path '/a/b{var}' has '{' inside segment 2 "
                        + "('b{var}'); a variable must be a whole segment, like '/{name}' (Jakarta WebSocket 2.2 section 3.1.1)");
        assertThatThrownBy(() -> ServerEndpointConfigs.fromAnnotation(EmptyPath.class))
                .hasMessage(EmptyPath.class.getName() + ": @ServerEndpoint path '' must start with '/' "
                        + "(Jakarta WebSocket 2.2 section 3.1.1)");
    }

    @Test
    void subprotocolMustBeAToken() {
        assertThatThrownBy(() -> ServerEndpointConfigs.fromAnnotation(BadSubprotocol.class))
                .isInstanceOf(DeploymentException.class)
                .hasMessage(BadSubprotocol.class.getName() + ": @ServerEndpoint subprotocol 'not a token' is not an "
                        + "HTTP token, so no client can request it (RFC 6455 section 4.1)");
    }

    @Test
    void configuratorThatCannotBeCreated() {
        assertThatThrownBy(() -> ServerEndpointConfigs.fromAnnotation(BadConfigurator.class))
                .isInstanceOf(DeploymentException.class)
                .hasMessage(BadConfigurator.class.getName() + ": @ServerEndpoint configurator "
                        + NoConstructorConfigurator.class.getName() + " cannot be created: it has no public no-argument "
                        + "constructor; a configurator needs to be a public concrete class with a public no-argument constructor");
        assertThatThrownBy(() -> ServerEndpointConfigs.fromAnnotation(ConfiguratorThrows.class))
                .isInstanceOf(DeploymentException.class)
                .hasMessage(ConfiguratorThrows.class.getName() + ": @ServerEndpoint configurator "
                        + ThrowingConfigurator.class.getName() + " cannot be created: its constructor threw "
                        + "java.lang.IllegalStateException: boom")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void endpointClassMustBePublicAndConcrete() {
        assertThatThrownBy(() -> ServerEndpointConfigs.fromAnnotation(NotPublic.class))
                .isInstanceOf(DeploymentException.class)
                .hasMessage(NotPublic.class.getName() + " is not public; a @ServerEndpoint class must be public and "
                        + "concrete (Jakarta WebSocket 2.2 section 4.1)");
        assertThatThrownBy(() -> ServerEndpointConfigs.fromAnnotation(AbstractEndpoint.class))
                .hasMessage(AbstractEndpoint.class.getName() + " is abstract; a @ServerEndpoint class must be public and "
                        + "concrete (Jakarta WebSocket 2.2 section 4.1)");
        assertThatThrownBy(() -> ServerEndpointConfigs.fromAnnotation(NotPublicAbstract.class))
                .hasMessageContaining("is abstract");
    }

    @Test
    void deploysIntoTheRegistry() throws DeploymentException {
        EndpointRegistry registry = new EndpointRegistry();
        registry.add(ServerEndpointConfigs.fromAnnotation(Chat.class));
        assertThat(registry.find("/chat/lobby").pathParameters()).containsEntry("room", "lobby");
        assertThat((Object) registry.find("/chat/lobby").config().getEndpointClass()).isEqualTo(Chat.class);
    }
}
