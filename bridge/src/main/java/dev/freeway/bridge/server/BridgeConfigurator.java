package dev.freeway.bridge.server;

import dev.freeway.bridge.StreamSubprotocol;

import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.List;
import java.util.Map;

/**
 * A bridge's handshake: picks the framing from the subprotocol offer, asks the bridge for the
 * target while the request is at hand (its headers, parameters and user) and hands both to the
 * connection's endpoint through the connection's user properties.
 */
final class BridgeConfigurator extends ServerEndpointConfig.Configurator {
    /** The connection's {@link BridgeTarget}, or a {@code String} saying why it has none. */
    static final String ROUTE = "dev.freeway.bridge.route";
    /** Whether the handshake offered any subprotocol. */
    static final String OFFERED = "dev.freeway.bridge.offered";

    private final TcpBridge bridge;

    BridgeConfigurator(TcpBridge bridge) {
        this.bridge = bridge;
    }

    @Override
    public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
        return StreamSubprotocol.choose(requested).map(StreamSubprotocol::token).orElse("");
    }

    @Override
    public boolean checkOrigin(String originHeaderValue) {
        return bridge.originAllowed(originHeaderValue).orElseGet(() -> super.checkOrigin(originHeaderValue));
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
        sec.getUserProperties().put(OFFERED, offersSubprotocol(request.getHeaders()));
        sec.getUserProperties().put(ROUTE, bridge.route(request));
    }

    private static boolean offersSubprotocol(Map<String, List<String>> headers) {
        for (Map.Entry<String, List<String>> h : headers.entrySet()) {
            if (h.getKey().equalsIgnoreCase("Sec-WebSocket-Protocol")) {
                return h.getValue().stream().anyMatch(v -> !v.isBlank());
            }
        }
        return false;
    }

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) {
        return endpointClass.cast(new BridgeEndpoint(bridge));
    }
}
