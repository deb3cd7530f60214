package dev.freeway.cdi.app;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** One instance per connection, with a connection-scoped bean. */
@Dependent
@ServerEndpoint("/dependent")
public class DependentEndpoint {
    @Inject
    Tally tally;
    @Inject
    ConnectionState state;
    private long id;

    @PostConstruct
    void created() {
        id = tally.nextId();
        tally.count("DependentEndpoint.created");
    }

    @PreDestroy
    void destroyed() {
        tally.count("DependentEndpoint.destroyed");
    }

    /** "endpoint id/connection state id/message number on this connection". */
    @OnMessage
    public String onMessage(String ignored) {
        return id + "/" + state.id() + "/" + state.nextMessage();
    }
}
