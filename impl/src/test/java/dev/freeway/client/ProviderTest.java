package dev.freeway.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freeway.api.Freeway;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.server.ServerContainer;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * {@code ContainerProvider.getWebSocketContainer()} and Freeway's provider. The test class path
 * also holds Jetty's and Tomcat's providers (their servers are the peers of the other tests), so
 * which one wins there depends on class path order; the unambiguous check runs in a class loader
 * that sees only the WebSocket API and Freeway.
 */
class ProviderTest {

    @Test
    void freewaysProviderIsRegisteredAsAService() {
        assertThat(ServiceLoader.load(ContainerProvider.class).stream().map(p -> p.type().getName()))
                .contains(FreewayContainerProvider.class.getName());
    }

    @Test
    void theProviderReturnsAFreewayClientContainer() throws Exception {
        Object container = new FreewayContainerProvider() {
            Object get() {
                return getContainer();
            }
        }.get();
        assertThat(container).isInstanceOf(FreewayClientContainer.class);
        ((FreewayClientContainer) container).close();
    }

    @Test
    void getWebSocketContainerFindsFreewayWhenItIsTheOnlyImplementation() throws Exception {
        URL[] path = {
            location(ContainerProvider.class), // jakarta.websocket-client-api
            location(ServerContainer.class),   // jakarta.websocket-api
            location(Freeway.class),           // freeway-api
            location(FreewayClientContainer.class), // freeway-impl, with its META-INF/services
        };
        for (URL u : path) {
            assertThat(u.getPath()).as("no other implementation's jar").doesNotContain("tomcat").doesNotContain("jetty");
        }
        try (URLClassLoader isolated = new URLClassLoader(path, ClassLoader.getPlatformClassLoader())) {
            Thread.currentThread().setContextClassLoader(isolated);
            Class<?> provider = isolated.loadClass(ContainerProvider.class.getName());
            Object container = provider.getMethod("getWebSocketContainer").invoke(null);
            assertThat(container.getClass().getName()).isEqualTo(FreewayClientContainer.class.getName());
            container.getClass().getMethod("close").invoke(container);
        } finally {
            Thread.currentThread().setContextClassLoader(ProviderTest.class.getClassLoader());
        }
    }

    private static URL location(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }
}
