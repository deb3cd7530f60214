package dev.freeway.cdi.app;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;

import java.io.IOException;
import java.io.UncheckedIOException;

/** A programmatic endpoint as a bean; its message handler uses beans that need the session's contexts. */
@Dependent
public class ProgrammaticEndpoint extends Endpoint {
    @Inject
    Greeter greeter;
    @Inject
    SessionInfo info;
    @Inject
    ConnectionState state;
    @Inject
    Tally tally;

    @PostConstruct
    void created() {
        tally.count("ProgrammaticEndpoint.created");
    }

    @PreDestroy
    void destroyed() {
        tally.count("ProgrammaticEndpoint.destroyed");
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) name -> {
            try {
                session.getBasicRemote().sendText(greeter.greet(name) + "|" + info.describe() + "|" + state.nextMessage());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
