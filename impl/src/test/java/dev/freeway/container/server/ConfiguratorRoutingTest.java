package dev.freeway.container.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig.Configurator;
import jakarta.websocket.server.ServerEndpointConfig;
import org.junit.jupiter.api.Test;

import java.util.List;

/** Which configurator method the container calls for an endpoint, and on which configurator. */
public class ConfiguratorRoutingTest {
    private final ConfiguratorRouting routing = new ConfiguratorRouting();

    /** An endpoint that does nothing, to deploy with the configurators under test. */
    public static class Echo extends Endpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
        }
    }

    /**
     * Overrides one method; its inherited ones would go through the API's shared default, which
     * here fails as it does after the application that first loaded it was undeployed.
     */
    public static class OnlyModifies extends Configurator {
        public int modified;

        @Override
        public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
            modified++;
        }

        @Override
        public Configurator getContainerDefaultConfigurator() {
            throw new NoClassDefFoundError("dev/freeway/container/NoArgConstructor (the API's stale default)");
        }
    }

    /** Overrides everything: called as it is. */
    public static class OverridesAll extends OnlyModifies {
        @Override
        public boolean checkOrigin(String originHeaderValue) {
            return false;
        }

        @Override
        public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
            return "mine";
        }

        @Override
        public List<jakarta.websocket.Extension> getNegotiatedExtensions(List<jakarta.websocket.Extension> installed,
                                                                         List<jakarta.websocket.Extension> requested) {
            return List.of();
        }

        @Override
        public <T> T getEndpointInstance(Class<T> endpointClass) {
            return null;
        }
    }

    @Test
    void inheritedMethodsRunTheContainersDefaultNotTheApis() throws Exception {
        OnlyModifies application = new OnlyModifies();
        Configurator routed = routing.route(application);

        assertThat(routed.checkOrigin("http://example.com")).isTrue();
        assertThat(routed.getNegotiatedSubprotocol(List.of("b", "a"), List.of("a", "b"))).isEqualTo("a");
        assertThat(routed.getNegotiatedExtensions(List.of(), List.of())).isEmpty();
        assertThat(routed.getEndpointInstance(Echo.class)).isInstanceOf(Echo.class);
        assertThat(routed.getContainerDefaultConfigurator()).isSameAs(routing.defaults());
        routed.modifyHandshake(null, null, null);
        assertThat(application.modified).isEqualTo(1);
        // The same call on the application's own object goes to the API's default, and fails.
        assertThatThrownBy(() -> application.checkOrigin("http://example.com")).isInstanceOf(NoClassDefFoundError.class);
    }

    @Test
    void aConfiguratorThatOverridesEverythingIsCalledAsItIs() {
        OverridesAll application = new OverridesAll();
        assertThat(routing.route(application)).isSameAs(application);
        assertThat(routing.inheritsEndpointInstance(OverridesAll.class)).isFalse();
        assertThat(routing.inheritsEndpointInstance(OnlyModifies.class)).isTrue();
    }

    /** Extends Freeway's default but makes its own instances. */
    public static class MakesItsOwn extends DefaultServerConfigurator {
        @Override
        public <T> T getEndpointInstance(Class<T> endpointClass) throws InstantiationException {
            return super.getEndpointInstance(endpointClass);
        }
    }

    @Test
    void aSubclassOfFreewaysDefaultThatMakesItsOwnInstancesIsAskedForThem() {
        assertThat(routing.inheritsEndpointInstance(MakesItsOwn.class)).isFalse();
        MakesItsOwn own = new MakesItsOwn();
        assertThat(routing.route(own)).isSameAs(own);
    }

    @Test
    void noConfiguratorAndFreewaysOwnAreTheDefault() {
        assertThat(routing.route(null)).isSameAs(routing.defaults());
        DefaultServerConfigurator own = new DefaultServerConfigurator();
        assertThat(routing.route(own)).isSameAs(own);
        assertThat(routing.inheritsEndpointInstance(DefaultServerConfigurator.class)).isTrue();
    }
}
