package dev.freeway.bridge.client;

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

/**
 * The client side of a stream: every message part goes into {@link InboundBytes} as it comes
 * (Base64 text decoded first); the close ends the bytes, cleanly only with 1000.
 */
final class StreamClientEndpoint extends Endpoint {
    private static final System.Logger LOG = System.getLogger(StreamClientEndpoint.class.getName());

    private final StreamSubprotocol framing;
    private final InboundBytes inbound;

    StreamClientEndpoint(StreamSubprotocol framing, InboundBytes inbound) {
        this.framing = framing;
        this.inbound = inbound;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        inbound.attach(Freeway.of(session));
        if (framing == StreamSubprotocol.BASE64) {
            Base64Chunks decoder = new Base64Chunks();
            session.addMessageHandler(String.class, (MessageHandler.Partial<String>) (part, last) -> {
                try {
                    inbound.add(decoder.decode(part, last));
                } catch (IllegalArgumentException e) {
                    inbound.end("the server sent text that is not Base64: " + e.getMessage());
                    close(session, CloseCodes.INVALID_PAYLOAD, "not Base64");
                }
            });
        } else {
            session.addMessageHandler(ByteBuffer.class, (MessageHandler.Partial<ByteBuffer>) (part, last) -> inbound.add(part));
        }
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        int code = reason.getCloseCode().getCode();
        inbound.end(code == CloseCodes.NORMAL_CLOSURE ? null
                : "the WebSocket closed with " + code + (reason.getReasonPhrase().isEmpty() ? "" : ": " + reason.getReasonPhrase()));
    }

    @Override
    public void onError(Session session, Throwable error) {
        LOG.log(System.Logger.Level.DEBUG, "stream session " + session.getId() + " failed", error);
        inbound.end("the WebSocket failed: " + error);
    }

    private static void close(Session session, int code, String phrase) {
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), phrase));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing stream session " + session.getId(), e);
        }
    }
}
