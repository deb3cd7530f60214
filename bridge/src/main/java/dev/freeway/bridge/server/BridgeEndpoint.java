package dev.freeway.bridge.server;

import dev.freeway.api.CloseCodes;
import dev.freeway.api.Freeway;
import dev.freeway.bridge.Base64Chunks;
import dev.freeway.bridge.StreamSubprotocol;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The WebSocket side of one bridged connection: checks what the handshake settled (framing,
 * target, the connection limit), starts the TCP side, and feeds it every message part as it
 * comes (binary payloads as they are, text payloads Base64-decoded).
 */
final class BridgeEndpoint extends Endpoint {
    private static final System.Logger LOG = System.getLogger(BridgeEndpoint.class.getName());

    private final TcpBridge bridge;
    private BridgeConnection connection;

    BridgeEndpoint(TcpBridge bridge) {
        this.bridge = bridge;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        Object route = session.getUserProperties().get(BridgeConfigurator.ROUTE);
        Optional<StreamSubprotocol> framing = StreamSubprotocol.ofToken(session.getNegotiatedSubprotocol());
        if (session.getNegotiatedSubprotocol().isEmpty()
                && Boolean.TRUE.equals(session.getUserProperties().get(BridgeConfigurator.OFFERED))) {
            // An offer without binary or base64 is another protocol; websockify refuses it too.
            close(session, CloseCodes.PROTOCOL_ERROR, "offer the binary or base64 subprotocol");
            return;
        }
        if (!(route instanceof BridgeTarget target)) {
            close(session, CloseCodes.POLICY_VIOLATION, String.valueOf(route));
            return;
        }
        if (!bridge.tryOpen()) {
            close(session, CloseCodes.TRY_AGAIN_LATER, "the bridge has " + bridge.settings().maxConnections()
                    + " connections open");
            return;
        }
        long idle = bridge.settings().idleTimeoutMillis() >= 0 ? bridge.settings().idleTimeoutMillis()
                : session.getMaxIdleTimeout();
        // The bridge times idleness itself, counting bytes both ways: the session's own clock
        // counts only what the browser sends and would cut a one-way download.
        session.setMaxIdleTimeout(0);
        StreamSubprotocol mode = framing.orElseThrow();
        connection = new BridgeConnection(bridge, session, Freeway.of(session), target, mode, idle);
        if (mode == StreamSubprotocol.BASE64) {
            Base64Chunks decoder = new Base64Chunks();
            session.addMessageHandler(String.class, (MessageHandler.Partial<String>) (part, last) -> {
                ByteBuffer bytes;
                try {
                    bytes = decoder.decode(part, last);
                } catch (IllegalArgumentException e) {
                    close(session, CloseCodes.INVALID_PAYLOAD, "not Base64: " + e.getMessage());
                    return;
                }
                connection.fromWebSocket(bytes);
            });
            // The container drops a message nobody handles (as the API asks); the bridge's framing
            // makes one of the other kind an error the peer must hear about.
            session.addMessageHandler(ByteBuffer.class, (MessageHandler.Partial<ByteBuffer>) (part, last) ->
                    close(session, CloseCodes.UNSUPPORTED_DATA, "binary message on the base64 subprotocol"));
        } else {
            session.addMessageHandler(ByteBuffer.class,
                    (MessageHandler.Partial<ByteBuffer>) (part, last) -> connection.fromWebSocket(part));
            session.addMessageHandler(String.class, (MessageHandler.Partial<String>) (part, last) ->
                    close(session, CloseCodes.UNSUPPORTED_DATA, "text message on the binary subprotocol"));
        }
        connection.start();
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        if (connection != null) {
            connection.webSocketEnded();
        }
    }

    @Override
    public void onError(Session session, Throwable error) {
        LOG.log(System.Logger.Level.DEBUG, "bridge session " + session.getId() + " failed", error);
        if (connection != null) {
            connection.webSocketEnded();
        }
    }

    private static void close(Session session, int code, String phrase) {
        try {
            session.close(CloseReasons.of(code, phrase));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing bridge session " + session.getId(), e);
        }
    }
}
