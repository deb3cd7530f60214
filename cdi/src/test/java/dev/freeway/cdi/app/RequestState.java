package dev.freeway.cdi.app;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** One per request context: per callback, inside a WebSocket session. */
@RequestScoped
public class RequestState {
    @Inject
    Tally tally;
    private long id;

    @PostConstruct
    void created() {
        id = tally.nextId();
    }

    @PreDestroy
    void destroyed() {
        tally.count("RequestState.destroyed");
    }

    public long id() {
        return id;
    }
}
