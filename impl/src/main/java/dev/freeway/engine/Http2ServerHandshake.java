package dev.freeway.engine;

import static dev.freeway.engine.HandshakeErrors.printable;
import static dev.freeway.engine.HandshakeErrors.quote;
import static dev.freeway.engine.HandshakeErrors.reject;

import java.util.Objects;
import java.util.Set;

/**
 * The server side of the WebSocket opening handshake over HTTP/2 (RFC 8441, "bootstrapping
 * WebSockets with HTTP/2"): checks an extended CONNECT request and gives the header fields of the
 * {@value #ACCEPT_STATUS} response that accepts it.
 *
 * <p>It differs from {@link ServerHandshake} (RFC 6455 over HTTP/1.1) only where RFC 8441 says so:
 * the request is a {@code CONNECT} whose {@code :protocol} pseudo-header is {@value #PROTOCOL};
 * there is no {@code Sec-WebSocket-Key} and no {@code Sec-WebSocket-Accept}; there are no
 * {@code Upgrade} or {@code Connection} fields (HTTP/2 forbids connection-specific fields); the
 * response is a 200 and the WebSocket's bytes are the stream's DATA frames. The version check,
 * subprotocols and extensions are negotiated by the very same code as over HTTP/1.1
 * ({@link HandshakeOffers}). HTTP/2 framing is the transport's business: this class only sees the
 * request's pseudo-headers and fields, already decoded.
 */
public final class Http2ServerHandshake {
    /** The {@code :protocol} value of a WebSocket extended CONNECT (RFC 8441 section 4). */
    public static final String PROTOCOL = "websocket";
    /** The status that accepts the handshake: any 2xx opens the tunnel, RFC 8441 section 5 uses 200. */
    public static final int ACCEPT_STATUS = 200;

    /**
     * Fields the handshake writes itself or that have no meaning on an HTTP/2 stream (connection
     * fields are malformed in HTTP/2, RFC 9113 section 8.2.2); an AcceptConnection may not add them.
     */
    private static final Set<String> OWN_RESPONSE_FIELDS = Set.of("sec-websocket-protocol",
            "sec-websocket-extensions", "sec-websocket-accept", "upgrade", "connection", "keep-alive",
            "transfer-encoding", "content-length");

    private Http2ServerHandshake() {
    }

    /**
     * Checks an HTTP/2 request as the transport decoded it.
     *
     * @param method    the {@code :method} pseudo-header
     * @param protocol  the {@code :protocol} pseudo-header, or {@code null} when the request has none
     * @param authority the {@code :authority} pseudo-header (it becomes the request's host)
     * @param path      the {@code :path} pseudo-header, path and query
     * @param headers   the regular header fields
     * @return the request, with its subprotocols and extension offers
     * @throws RemoteProtocolError with the rejection to send (400 or 405) when it is not a valid
     *                             RFC 8441 handshake
     */
    public static Request validate(String method, String protocol, String authority, String path,
                                   HttpHeaders headers) throws RemoteProtocolError {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(headers, "headers");
        if (!"CONNECT".equals(method)) {
            throw reject(405, "method " + printable(method)
                    + " is not allowed; a WebSocket handshake over HTTP/2 is an extended CONNECT", "Allow", "CONNECT");
        }
        if (protocol == null) {
            throw reject(400, "the CONNECT request has no :protocol pseudo-header; a WebSocket handshake over"
                    + " HTTP/2 needs ':protocol: " + PROTOCOL + "'");
        }
        // Protocol names are upgrade tokens, which compare without regard to case (RFC 9110 section 7.8).
        if (!PROTOCOL.equalsIgnoreCase(protocol)) {
            throw reject(400, ":protocol " + quote(protocol) + " is not " + PROTOCOL);
        }
        if (path == null || path.isEmpty()) {
            throw reject(400, "the extended CONNECT request has no :path");
        }
        if (authority == null || authority.isEmpty()) {
            throw reject(400, "the extended CONNECT request has no :authority");
        }
        // No Upgrade field here: HTTP/2 has no such thing; the version alone tells what we speak.
        HandshakeOffers.checkVersion(headers, 400);
        return new Request(authority, path, headers, HandshakeOffers.subprotocols(headers),
                HandshakeOffers.extensions(headers));
    }

    /**
     * The header fields of the {@value #ACCEPT_STATUS} response that accepts {@code request}:
     * Sec-WebSocket-Protocol and Sec-WebSocket-Extensions when chosen, then {@code accept.headers()}.
     *
     * @throws LocalProtocolError when {@code accept} chooses a subprotocol or an extension the
     *                            client did not offer, accepts an extension twice, or its headers
     *                            repeat a field the handshake writes or a connection-specific one
     */
    public static HttpHeaders acceptHeaders(Request request, AcceptConnection accept) {
        HandshakeOffers.checkChoice(request, accept, OWN_RESPONSE_FIELDS);
        return HandshakeOffers.negotiated(HttpHeaders.builder(), accept);
    }
}
