package dev.freeway.container.server;

import jakarta.websocket.HandshakeResponse;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The opening handshake response a configurator may change in
 * {@link jakarta.websocket.server.ServerEndpointConfig.Configurator#modifyHandshake}: a mutable
 * map of header names (case-insensitive) to values. {@link HandshakeNegotiation} fills it with
 * the fields the negotiation decided before the call and reads it back after. Not thread-safe:
 * it belongs to one handshake.
 */
public final class FreewayHandshakeResponse implements HandshakeResponse {
    private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    /** The live header map: changes are what the response will carry. */
    @Override
    public Map<String, List<String>> getHeaders() {
        return headers;
    }

    @Override
    public String toString() {
        return "HandshakeResponse" + headers;
    }
}
