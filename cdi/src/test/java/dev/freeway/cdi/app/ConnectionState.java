package dev.freeway.cdi.app;

import dev.freeway.cdi.WebSocketSessionScoped;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import java.util.concurrent.atomic.AtomicInteger;

/** One per WebSocket connection: counts the messages of its connection. */
@WebSocketSessionScoped
public class ConnectionState {
    @Inject
    Tally tally;
    private long id;
    private final AtomicInteger messages = new AtomicInteger();

    @PostConstruct
    void created() {
        id = tally.nextId();
        tally.count("ConnectionState.created");
    }

    @PreDestroy
    void destroyed() {
        tally.count("ConnectionState.destroyed");
    }

    public long id() {
        return id;
    }

    public int nextMessage() {
        return messages.incrementAndGet();
    }
}
