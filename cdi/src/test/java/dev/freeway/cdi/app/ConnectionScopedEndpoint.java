package dev.freeway.cdi.app;

import dev.freeway.cdi.WebSocketSessionScoped;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** An endpoint in the connection's own scope: reached through a client proxy, one instance per connection. */
@WebSocketSessionScoped
@ServerEndpoint("/scoped")
public class ConnectionScopedEndpoint {
    @Inject
    Tally tally;
    private long id;
    private int messages;

    @PostConstruct
    void created() {
        id = tally.nextId();
        tally.count("ConnectionScopedEndpoint.created");
    }

    @PreDestroy
    void destroyed() {
        tally.count("ConnectionScopedEndpoint.destroyed");
    }

    /** "instance id/message number". */
    @OnMessage
    public String onMessage(String ignored) {
        return id + "/" + ++messages;
    }
}
