package dev.freeway.api;

import jakarta.websocket.Session;

/** The way into Freeway's own levels from a Jakarta session. */
public final class Freeway {
    private Freeway() {
    }

    /**
     * The Freeway view of {@code session}. Works with the session itself and with proxies of it
     * (CDI), through the session's user properties.
     *
     * @throws IllegalArgumentException if the session does not come from Freeway
     */
    public static FreewaySession of(Session session) {
        if (session instanceof FreewaySession) {
            return (FreewaySession) session;
        }
        Object own = session.getUserProperties().get(FreewaySession.USER_PROPERTY);
        if (own instanceof FreewaySession) {
            return (FreewaySession) own;
        }
        throw new IllegalArgumentException("the session " + session.getClass().getName()
                + " does not come from Freeway: is Freeway the WebSocket implementation deployed?");
    }
}
