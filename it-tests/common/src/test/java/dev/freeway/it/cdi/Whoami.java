package dev.freeway.it.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.Session;

/** A shared bean that reaches the current connection through {@code @Inject Session}. */
@ApplicationScoped
public class Whoami {
    @Inject
    Session session;

    public String id() {
        return session.getId();
    }
}
