package dev.freeway.it.cdi;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/** A bean per connection, with a connection-scoped bean and a shared one that injects the session. */
@Dependent
@ServerEndpoint("/cdi")
public class CdiEndpoint {
    @Inject
    Tally tally;
    @Inject
    Conversation conversation;
    @Inject
    Whoami whoami;

    @PostConstruct
    void created() {
        tally.count("CdiEndpoint.created");
    }

    @PreDestroy
    void destroyed() {
        tally.count("CdiEndpoint.destroyed");
    }

    /** "message number on this connection|session id as the shared bean sees it|as the endpoint does". */
    @OnMessage
    public String onMessage(String text, Session session) {
        return conversation.next() + "|" + whoami.id() + "|" + session.getId();
    }
}
