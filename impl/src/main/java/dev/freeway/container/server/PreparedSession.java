package dev.freeway.container.server;

import dev.freeway.container.FreewayServerContainer;
import jakarta.websocket.Endpoint;

/**
 * A handshake that negotiated successfully and whose endpoint instance exists, waiting for the
 * transport to switch protocols: what {@link FreewayServerContainer#open} turns into a session.
 *
 * @param accepted the negotiation's outcome (its {@code accept()} is what the 101 carries)
 * @param endpoint the endpoint instance, wrapped when it is an annotated class
 * @param release  releases the endpoint instance; runs once however often it is called
 */
public record PreparedSession(HandshakeOutcome.Accepted accepted, Endpoint endpoint, Runnable release) {
    /**
     * Gives the endpoint instance back when the session will never open: the upgrade failed before
     * {@link FreewayServerContainer#open} could be called. Not for a session that opened, whose
     * instance is released when it closes; {@code open} releases the instance itself when it fails.
     */
    public void discard() {
        release.run();
    }
}
