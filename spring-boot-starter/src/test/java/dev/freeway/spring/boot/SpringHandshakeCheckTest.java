package dev.freeway.spring.boot;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.socket.server.standard.StandardWebSocketUpgradeStrategy;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;
import org.springframework.web.socket.server.support.WebSocketHttpRequestHandler;

/**
 * The check finds the Spring WebSocket endpoints whose handshake goes through a strategy that
 * bypasses Freeway. The standard strategy stands in for Jetty's in the first test by being named
 * as the one to refuse, so that the test does not depend on which strategy Spring's default picks.
 */
class SpringHandshakeCheckTest {

    @Test
    void anEndpointOnARefusedStrategyStopsStartUpNamingItsPathAndTheExclusion() {
        try (GenericApplicationContext ctx = contextWithEndpointAt("/chat")) {
            SpringHandshakeCheck check = new SpringHandshakeCheck(ctx, Set.of(StandardWebSocketUpgradeStrategy.class.getName()));
            assertThatThrownBy(check::afterSingletonsInstantiated)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("[/chat (StandardWebSocketUpgradeStrategy)]")
                    .hasMessageContaining("org.eclipse.jetty.ee11.websocket:jetty-ee11-websocket-jetty-server")
                    .hasMessageContaining("new StandardWebSocketUpgradeStrategy()");
        }
    }

    @Test
    void theStandardStrategyPasses() {
        try (GenericApplicationContext ctx = contextWithEndpointAt("/chat")) {
            SpringHandshakeCheck check = new SpringHandshakeCheck(ctx, StandardHandshakeSwitch.CONTAINER_STRATEGIES);
            assertThatCode(check::afterSingletonsInstantiated).doesNotThrowAnyException();
        }
    }

    private static GenericApplicationContext contextWithEndpointAt(String path) {
        GenericApplicationContext ctx = new GenericApplicationContext();
        WebSocketHttpRequestHandler endpoint = new WebSocketHttpRequestHandler(new TextWebSocketHandler(),
                new DefaultHandshakeHandler(new StandardWebSocketUpgradeStrategy()));
        ctx.registerBean(SimpleUrlHandlerMapping.class, () -> new SimpleUrlHandlerMapping(Map.of(path, endpoint)));
        ctx.refresh();
        return ctx;
    }
}
