package dev.freeway.spring.boot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.config.InstantiationAwareBeanPostProcessor;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.handler.ExceptionWebSocketHandlerDecorator;
import org.springframework.web.socket.handler.LoggingWebSocketHandlerDecorator;
import org.springframework.web.socket.server.standard.StandardWebSocketUpgradeStrategy;
import org.springframework.web.socket.server.support.AbstractHandshakeHandler;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;
import org.springframework.web.socket.server.support.WebSocketHttpRequestHandler;

/**
 * Points Spring's {@code WebSocketHandler} and STOMP endpoints at Freeway. Spring's
 * {@link DefaultHandshakeHandler} upgrades through Jetty's own WebSocket API whenever
 * {@code jetty-ee11-websocket-jetty-server} is on the class path (spring-boot-starter-jetty brings
 * it, and Spring decides by the class path alone), which bypasses the Jakarta
 * {@code ServerContainer} and fails once Jetty's implementation is switched off. Every endpoint
 * left on such a default handler gets a {@link DefaultHandshakeHandler} on the standard strategy,
 * which calls Freeway's {@code upgradeHttpToWebSocket}. It is done on the handler mapping's URL map
 * between the mapping's creation and its initialization, when the map is still what the mapping
 * registers (Spring's documented way to add or override its entries). Handshake handlers an
 * application chose itself are left alone; {@link SpringHandshakeCheck} reports them.
 */
final class StandardHandshakeSwitch implements InstantiationAwareBeanPostProcessor {
    /**
     * Spring's strategies that upgrade through a container's own API, not the Jakarta one: Jetty's
     * (Spring 7's default while Jetty's API is on the class path), and Tomcat's (Spring 6.2's default
     * while Tomcat's WebSocket classes are, which casts the ServerContainer to Tomcat's).
     */
    static final Set<String> CONTAINER_STRATEGIES = Set.of("org.springframework.web.socket.server.jetty.JettyRequestUpgradeStrategy",
            "org.springframework.web.socket.server.standard.TomcatRequestUpgradeStrategy");

    private static final System.Logger LOG = System.getLogger(StandardHandshakeSwitch.class.getName());

    @Override
    public boolean postProcessAfterInstantiation(Object bean, String beanName) {
        if (bean instanceof SimpleUrlHandlerMapping mapping) {
            @SuppressWarnings("unchecked") // the mapping's own Map<String, Object>, typed Map<String, ?> by its getter
            Map<String, Object> urls = (Map<String, Object>) mapping.getUrlMap();
            List<String> switched = new ArrayList<>();
            urls.replaceAll((path, handler) -> {
                if (handler instanceof WebSocketHttpRequestHandler ws && onContainerDefault(ws)) {
                    switched.add(path);
                    return standard(ws);
                }
                return handler;
            });
            if (!switched.isEmpty()) {
                LOG.log(System.Logger.Level.INFO, "Spring WebSocket endpoints {0} upgrade through Freeway''s Jakarta"
                        + " ServerContainer, not the container''s own API that Spring''s default handshake picked", switched);
            }
        }
        return true;
    }

    private static boolean onContainerDefault(WebSocketHttpRequestHandler ws) {
        return ws.getHandshakeHandler().getClass() == DefaultHandshakeHandler.class
                && CONTAINER_STRATEGIES.contains(((DefaultHandshakeHandler) ws.getHandshakeHandler())
                        .getRequestUpgradeStrategy().getClass().getName());
    }

    /**
     * The endpoint's handler without the exception and logging decorators its request handler adds
     * (and the replacement adds again); decorators of the application's own stay.
     */
    private static WebSocketHandler undecorated(WebSocketHttpRequestHandler ws) {
        WebSocketHandler h = ws.getWebSocketHandler();
        return h instanceof ExceptionWebSocketHandlerDecorator e && e.getDelegate() instanceof LoggingWebSocketHandlerDecorator l
                ? l.getDelegate() : h;
    }

    /** The same endpoint, interceptors and sub-protocols, upgraded through the Jakarta API. */
    private static WebSocketHttpRequestHandler standard(WebSocketHttpRequestHandler ws) {
        AbstractHandshakeHandler handshake = new DefaultHandshakeHandler(new StandardWebSocketUpgradeStrategy());
        handshake.setSupportedProtocols(((AbstractHandshakeHandler) ws.getHandshakeHandler()).getSupportedProtocols());
        WebSocketHttpRequestHandler replacement = new WebSocketHttpRequestHandler(undecorated(ws), handshake);
        replacement.setHandshakeInterceptors(ws.getHandshakeInterceptors());
        return replacement;
    }
}
