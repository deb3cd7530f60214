package dev.freeway.bridge.client;

import dev.freeway.bridge.StreamSubprotocol;
import dev.freeway.client.FreewayClientContainer;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * Opens byte streams over WebSockets: the client side of websockify (and of Freeway's TCP
 * bridge), so Java code can speak any stream protocol through a port that passes only HTTP.
 *
 * <pre>{@code
 * try (WebSocketStream s = WebSocketStreams.connect(URI.create("ws://host/bridge/vnc"), StreamSubprotocol.BINARY)) {
 *     s.outputStream().write(hello);
 *     int n = s.inputStream().read(buffer);
 * }
 * }</pre>
 *
 * The handshake offers just the framing asked for. A server that answers no subprotocol is
 * taken to speak binary (websockify does so for a client that offers none); one that answers
 * anything else fails the connect.
 */
public final class WebSocketStreams {
    private WebSocketStreams() {
    }

    /** Connects with a client container of its own (closed with the stream) and the default options. */
    public static WebSocketStream connect(URI uri, StreamSubprotocol framing) throws IOException {
        FreewayClientContainer container = new FreewayClientContainer();
        try {
            return connect(container, uri, framing, StreamOptions.defaults(), container::close);
        } catch (IOException | RuntimeException e) {
            container.close();
            throw e;
        }
    }

    /** Connects through {@code container} (shared by many streams; the caller closes it). */
    public static WebSocketStream connect(WebSocketContainer container, URI uri, StreamSubprotocol framing,
            StreamOptions options) throws IOException {
        return connect(container, uri, framing, options, null);
    }

    private static WebSocketStream connect(WebSocketContainer container, URI uri, StreamSubprotocol framing,
            StreamOptions options, Closeable owned) throws IOException {
        InboundBytes inbound = new InboundBytes(options.inboundLimit(), options.readTimeoutMillis());
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create()
                .preferredSubprotocols(List.of(framing.token())).build();
        Session session;
        try {
            session = container.connectToServer(new StreamClientEndpoint(framing, inbound), config, uri);
        } catch (DeploymentException e) {
            throw new IOException("the stream handshake with " + uri + " failed: " + e.getMessage(), e);
        }
        String answered = session.getNegotiatedSubprotocol();
        if (StreamSubprotocol.ofToken(answered).orElse(null) != framing) {
            session.close();
            throw new IOException(uri + " answered the subprotocol \"" + answered + "\" to an offer of "
                    + framing.token());
        }
        return new WebSocketStream(session, framing, inbound, new MessageOutput(session, framing, options.maxMessageSize()),
                owned);
    }
}
