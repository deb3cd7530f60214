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
 * Stops start-up when a Spring {@code WebSocketHandler} or STOMP endpoint would not run on Freeway.
 * Spring's {@code DefaultHandshakeHandler} upgrades through Jetty's own WebSocket API whenever
 * {@code jetty-ee11-websocket-jetty-server} is on the class path (spring-boot-starter-jetty brings
 * it), bypassing the Jakarta {@code ServerContainer}; with Jetty's implementation switched off every
 * such handshake would fail with HTTP 500. Which strategy Spring picks is fixed by the class path
 * alone, so the message says what to exclude, or how to pick the standard strategy in code.
 */
final class SpringHandshakeCheck implements SmartInitializingSingleton {
    /** Spring's strategies that upgrade through a container's own API, not the Jakarta one. */
    static final Set<String> CONTAINER_STRATEGIES = Set.of("org.springframework.web.socket.server.jetty.JettyRequestUpgradeStrategy");

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
                    bypassing.add(h.getKey());
                }
            }
        }
        if (!bypassing.isEmpty()) {
            throw new IllegalStateException("The Spring WebSocket endpoints " + bypassing + " would upgrade through Jetty's own"
                    + " WebSocket implementation, not Freeway: Spring's DefaultHandshakeHandler picks Jetty's API whenever"
                    + " org.eclipse.jetty.ee11.websocket:jetty-ee11-websocket-jetty-server is on the class path. Exclude that"
                    + " artifact from spring-boot-starter-jetty (it serves only Jetty's own WebSocket API), or give each"
                    + " registration new DefaultHandshakeHandler(new StandardWebSocketUpgradeStrategy()) with"
                    + " setHandshakeHandler.");
        }
    }
}
