package dev.freeway.cdi.app;

import dev.freeway.cdi.SessionClosed;
import dev.freeway.cdi.SessionOpened;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps track of sessions through CDI events alone, as an application would. */
@ApplicationScoped
public class SessionRegistry {
    private final Set<String> open = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> closed = new ConcurrentHashMap<>();

    @Inject
    ConnectionState state;

    void opened(@Observes SessionOpened event) {
        state.id(); // the session's scope is active for observers
        open.add(event.session().getId());
    }

    void closed(@Observes SessionClosed event) {
        state.id(); // and still is when it has closed
        open.remove(event.session().getId());
        closed.put(event.session().getId(), event.reason().getCloseCode().getCode());
    }

    public boolean isOpen(String id) {
        return open.contains(id);
    }

    /** The close code a closed session's endpoint was told, or null while it is open. */
    public Integer closeCode(String id) {
        return closed.get(id);
    }
}
