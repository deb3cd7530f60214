package dev.freeway.container;

import jakarta.websocket.Endpoint;

/**
 * A handshake that negotiated successfully and whose endpoint instance exists, waiting for the
 * transport to switch protocols: what {@link FreewayServerContainer#open} turns into a session.
 *
 * @param accepted the negotiation's outcome (its {@code accept()} is what the 101 carries)
 * @param endpoint the endpoint instance, wrapped when it is an annotated class
 */
public record PreparedSession(HandshakeOutcome.Accepted accepted, Endpoint endpoint) {
}
