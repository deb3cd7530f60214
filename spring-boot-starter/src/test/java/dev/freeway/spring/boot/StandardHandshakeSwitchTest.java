package dev.freeway.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.socket.server.jetty.JettyRequestUpgradeStrategy;
import org.springframework.web.socket.server.standard.StandardWebSocketUpgradeStrategy;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;
import org.springframework.web.socket.server.support.HttpSessionHandshakeInterceptor;
import org.springframework.web.socket.server.support.WebSocketHttpRequestHandler;

/**
 * Spring's default handshake handler, on Jetty's strategy here because Jetty's own WebSocket API is
 * on this module's test class path (as spring-boot-starter-jetty brings it), is replaced by one on
 * the standard strategy with the endpoint's handler, interceptors and sub-protocols; a handshake
 * handler of the application's own is left as it is.
 */
class StandardHandshakeSwitchTest {

    @Test
    void theDefaultOnJettysStrategyBecomesTheStandardOneKeepingTheRest() {
        DefaultHandshakeHandler jettys = new DefaultHandshakeHandler();
        assertThat(jettys.getRequestUpgradeStrategy()).as("Spring's default here").isInstanceOf(JettyRequestUpgradeStrategy.class);
        jettys.setSupportedProtocols("v12.stomp");
        TextWebSocketHandler endpoint = new TextWebSocketHandler();
        WebSocketHttpRequestHandler original = new WebSocketHttpRequestHandler(endpoint, jettys);
        List<HandshakeInterceptor> interceptors = List.of(new HttpSessionHandshakeInterceptor());
        original.setHandshakeInterceptors(interceptors);

        WebSocketHttpRequestHandler switched = (WebSocketHttpRequestHandler) afterInstantiation(original).get("/ws");

        // decorated once, as the original was (exception handling around logging around the endpoint)
        WebSocketHandlerDecorator exceptions = (WebSocketHandlerDecorator) switched.getWebSocketHandler();
        assertThat(((WebSocketHandlerDecorator) exceptions.getDelegate()).getDelegate()).isSameAs(endpoint);
        assertThat(switched.getHandshakeInterceptors()).isEqualTo(interceptors);
        DefaultHandshakeHandler handshake = (DefaultHandshakeHandler) switched.getHandshakeHandler();
        assertThat(handshake.getRequestUpgradeStrategy()).isInstanceOf(StandardWebSocketUpgradeStrategy.class);
        assertThat(handshake.getSupportedProtocols()).containsExactly("v12.stomp");
    }

    @Test
    void aHandshakeHandlerOfTheApplicationsOwnIsLeftAlone() {
        DefaultHandshakeHandler own = new DefaultHandshakeHandler() {
        };
        WebSocketHttpRequestHandler original = new WebSocketHttpRequestHandler(new TextWebSocketHandler(), own);

        assertThat(afterInstantiation(original).get("/ws")).isSameAs(original);
    }

    private static Map<String, ?> afterInstantiation(Object handler) {
        SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(new LinkedHashMap<>(Map.of("/ws", handler)));
        assertThat(new StandardHandshakeSwitch().postProcessAfterInstantiation(mapping, "mapping")).isTrue();
        return mapping.getUrlMap();
    }
}
