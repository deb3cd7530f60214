package dev.freeway.container.server;

import dev.freeway.engine.AcceptConnection;
import dev.freeway.engine.HttpHeaders;
import dev.freeway.engine.RejectConnection;
import jakarta.websocket.Extension;
import jakarta.websocket.server.ServerEndpointConfig;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What {@link HandshakeNegotiation} decided: accept the connection, or refuse it with a status. */
public sealed interface HandshakeOutcome permits HandshakeOutcome.Accepted, HandshakeOutcome.Rejected {

    /**
     * The handshake succeeds.
     *
     * @param accept         what the engine needs to write the 101: subprotocol ({@code null}
     *                       for none), the agreed extensions with their response parameters,
     *                       and the headers the configurator added
     * @param subprotocol    the negotiated subprotocol, {@code ""} for none, as
     *                       {@code Session.getNegotiatedSubprotocol()} returns it
     * @param extensions     the agreed extensions, for {@code Session.getNegotiatedExtensions()}
     * @param endpointConfig this connection's view of the endpoint's config: its user properties
     *                       are the per-connection copy {@code modifyHandshake} saw, which the
     *                       session must use as its own (Jakarta WebSocket 2.2 section 3.1.5)
     * @param pathParameters the decoded path parameters
     * @param request        the handshake request the configurator saw
     */
    record Accepted(AcceptConnection accept, String subprotocol, List<Extension> extensions,
                    ServerEndpointConfig endpointConfig, Map<String, String> pathParameters,
                    FreewayHandshakeRequest request) implements HandshakeOutcome {
        public Accepted {
            Objects.requireNonNull(accept, "accept");
            Objects.requireNonNull(subprotocol, "subprotocol");
            extensions = List.copyOf(extensions);
            Objects.requireNonNull(endpointConfig, "endpointConfig");
            pathParameters = Collections.unmodifiableMap(new LinkedHashMap<>(pathParameters));
            Objects.requireNonNull(request, "request");
        }
    }

    /**
     * The handshake is refused.
     *
     * @param status  the HTTP status: 403 when the origin is refused, 500 when configurator code
     *                failed
     * @param message a plain-text explanation for the client; it names the configurator class
     *                but never carries exception details, which go to the log
     * @param cause   what went wrong on the server, or {@code null} for a refused origin
     */
    record Rejected(int status, String message, Throwable cause) implements HandshakeOutcome {
        public Rejected {
            Objects.requireNonNull(message, "message");
        }

        /** The engine rejection: this status, a UTF-8 plain-text body follows. */
        public RejectConnection rejection() {
            return new RejectConnection(status, HttpHeaders.of("Content-Type", "text/plain; charset=utf-8"), true);
        }

        /** The body to send after {@link #rejection()}: the message in UTF-8. */
        public byte[] body() {
            return message.getBytes(StandardCharsets.UTF_8);
        }
    }
}
