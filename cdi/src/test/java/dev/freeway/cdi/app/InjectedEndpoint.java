package dev.freeway.cdi.app;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/**
 * Injected every way CDI injects: constructor (it has no no-argument constructor at all), field and
 * initializer method. Its @OnMessage is intercepted.
 */
@Dependent
@ServerEndpoint("/injected")
public class InjectedEndpoint {
    private final Greeter greeter;
    @Inject
    SessionInfo info;
    private Tally tally;

    @Inject
    public InjectedEndpoint(Greeter greeter) {
        this.greeter = greeter;
    }

    @Inject
    void initialize(Tally tally) {
        this.tally = tally;
    }

    /** "[hello NAME|the session as the helper bean sees it|the session as the endpoint sees it]". */
    @Bracketed
    @OnMessage
    public String greet(String name, Session session) {
        tally.count("InjectedEndpoint.message");
        return greeter.greet(name) + "|" + info.describe() + "|" + session.getId() + "@" + session.getRequestURI().getPath();
    }
}
