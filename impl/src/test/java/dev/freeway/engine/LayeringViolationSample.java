package dev.freeway.engine;

import jakarta.websocket.Session;

/**
 * Test-only: an engine class that breaks the layering on purpose, so that
 * {@code LayeringTest} shows its rule fails the build when such an import is added.
 */
public final class LayeringViolationSample {

    private LayeringViolationSample() {
    }

    /** Uses the Jakarta API, which the engine must not. */
    public static String idOf(Session session) {
        return session.getId();
    }
}
