package dev.freeway.spring.boot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.socket.server.support.AbstractHandshakeHandler;
import org.springframework.web.socket.server.support.WebSocketHttpRequestHandler;

/**
 * Stops start-up when a Spring {@code WebSocketHandler} or STOMP endpoint would still upgrade
 * through a container's own WebSocket API, past Freeway, after {@link StandardHandshakeSwitch}: one
 * whose handshake handler the application built itself on Spring's default strategy, which
 * {@code jetty-ee11-websocket-jetty-server} on the class path makes Jetty's. With the container's
 * implementation switched off each such handshake would fail with HTTP 500, so the message says
 * what to exclude, or how to pick the standard strategy in code.
 */
final class SpringHandshakeCheck implements SmartInitializingSingleton {
    private final ListableBeanFactory beans;
    private final Set<String> containerStrategies;

    SpringHandshakeCheck(ListableBeanFactory beans, Set<String> containerStrategies) {
        this.beans = beans;
        this.containerStrategies = containerStrategies;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> bypassing = new ArrayList<>();
        for (AbstractUrlHandlerMapping mapping : beans.getBeansOfType(AbstractUrlHandlerMapping.class, false, false).values()) {
            for (Map.Entry<String, Object> h : mapping.getHandlerMap().entrySet()) {
                if (h.getValue() instanceof WebSocketHttpRequestHandler ws
                        && ws.getHandshakeHandler() instanceof AbstractHandshakeHandler handshake
                        && containerStrategies.contains(handshake.getRequestUpgradeStrategy().getClass().getName())) {
                    bypassing.add(h.getKey() + " (" + handshake.getRequestUpgradeStrategy().getClass().getSimpleName() + ")");
                }
            }
        }
        if (!bypassing.isEmpty()) {
            throw new IllegalStateException("The Spring WebSocket endpoints " + bypassing + " would upgrade through the"
                    + " container's own WebSocket API, not Freeway, with handshake handlers of the application's own on"
                    + " Spring's default strategy, which is Jetty's whenever"
                    + " org.eclipse.jetty.ee11.websocket:jetty-ee11-websocket-jetty-server is on the class path (Tomcat's"
                    + " in Spring 6.2 whenever Tomcat's WebSocket classes are). Build them on"
                    + " new StandardWebSocketUpgradeStrategy(), or exclude that artifact from spring-boot-starter-jetty"
                    + " (it serves only Jetty's own WebSocket API).");
        }
    }
}
