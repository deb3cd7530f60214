package dev.freeway.bridge.server;

import jakarta.websocket.server.HandshakeRequest;

/**
 * Picks the TCP service for one WebSocket from its handshake (a path or query parameter, a
 * header, the authenticated user). What it returns must still be on the bridge's
 * {@link AllowList}; a bridge never connects where the list does not allow, so a chooser that
 * echoes a request parameter does not make an open proxy.
 */
@FunctionalInterface
public interface TargetChooser {
    /**
     * @return the target, or {@code null} to refuse this connection (it is closed with 1008)
     */
    BridgeTarget choose(HandshakeRequest request);
}
