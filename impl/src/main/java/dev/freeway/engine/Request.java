package dev.freeway.engine;

import java.util.List;
import java.util.Objects;

/**
 * A WebSocket opening handshake request. Received by a server; sent by a client to start the
 * handshake (only {@code host}, {@code target}, {@code subprotocols}, {@code extensions} and
 * {@code extraHeaders} are read then).
 *
 * @param host         the Host header value ({@code example.com:8080})
 * @param target       the request target, path and query ({@code /chat?room=1})
 * @param headers      every header field of the request (received), or the extra fields to send
 * @param subprotocols the offered subprotocols, in the client's order of preference
 * @param extensions   the offered extensions, in order, as they appear in Sec-WebSocket-Extensions
 */
public record Request(String host, String target, HttpHeaders headers, List<String> subprotocols,
                      List<ExtensionOffer> extensions) implements Event {
    public Request {
        Objects.requireNonNull(target, "target");
        headers = headers == null ? HttpHeaders.empty() : headers;
        subprotocols = List.copyOf(subprotocols == null ? List.of() : subprotocols);
        extensions = List.copyOf(extensions == null ? List.of() : extensions);
    }

    /** A plain request for {@code target} on {@code host}, with no subprotocols or extensions. */
    public Request(String host, String target) {
        this(host, target, HttpHeaders.empty(), List.of(), List.of());
    }
}
