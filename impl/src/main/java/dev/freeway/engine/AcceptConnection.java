package dev.freeway.engine;

import java.util.List;

/**
 * The handshake succeeded. A server sends it to accept a {@link Request}; a client receives it
 * when the server's response was valid.
 *
 * @param subprotocol  the chosen subprotocol, or {@code null} for none
 * @param extensions   the accepted extensions with their agreed parameters
 * @param headers      extra response header fields to send (server), or every header field of
 *                     the response (client)
 */
public record AcceptConnection(String subprotocol, List<ExtensionOffer> extensions, HttpHeaders headers)
        implements Event {
    public AcceptConnection {
        extensions = List.copyOf(extensions == null ? List.of() : extensions);
        headers = headers == null ? HttpHeaders.empty() : headers;
    }

    /** Accepts with no subprotocol, no extensions and no extra headers. */
    public AcceptConnection() {
        this(null, List.of(), HttpHeaders.empty());
    }
}
