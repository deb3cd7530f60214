package dev.freeway.cdi.app;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** One instance for every connection: CDI's, reached through its client proxy. */
@ApplicationScoped
@ServerEndpoint("/shared")
public class SharedEndpoint {
    @Inject
    Tally tally;
    private long id;

    @PostConstruct
    void created() {
        id = tally.nextId();
        tally.count("SharedEndpoint.created");
    }

    @OnMessage
    public String onMessage(String ignored) {
        return Long.toString(id);
    }
}
