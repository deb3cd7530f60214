package dev.freeway.cdi.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.Session;

/** A helper bean, shared by all sessions, that reaches the current one through {@code @Inject Session}. */
@ApplicationScoped
public class SessionInfo {
    @Inject
    Session session;

    /** The current session's id and request path. */
    public String describe() {
        return session.getId() + "@" + session.getRequestURI().getPath();
    }
}
