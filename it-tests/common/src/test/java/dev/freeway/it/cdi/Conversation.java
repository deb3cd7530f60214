package dev.freeway.it.cdi;

import dev.freeway.cdi.WebSocketSessionScoped;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/** One per connection: numbers that connection's messages. */
@WebSocketSessionScoped
public class Conversation {
    @Inject
    Tally tally;
    private int messages;

    @PostConstruct
    void created() {
        tally.count("Conversation.created");
    }

    @PreDestroy
    void destroyed() {
        tally.count("Conversation.destroyed");
    }

    public synchronized int next() {
        return ++messages;
    }
}
