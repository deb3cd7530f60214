package dev.freeway.cdi.app;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/**
 * No bean-defining annotation, so not a bean in this "annotated" archive: Freeway has CDI make it
 * non-contextually, still injected and intercepted, and destroyed when its session closes.
 */
@ServerEndpoint("/plain")
public class PlainEndpoint {
    @Inject
    Greeter greeter;
    @Inject
    Tally tally;

    @PostConstruct
    void created() {
        tally.count("PlainEndpoint.created");
    }

    @PreDestroy
    void destroyed() {
        tally.count("PlainEndpoint.destroyed");
    }

    @Bracketed
    @OnMessage
    public String onMessage(String name) {
        return greeter.greet(name);
    }
}
