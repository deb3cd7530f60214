package dev.freeway.engine;

import java.util.Objects;

/**
 * The head of an HTTP/1.x request: its request line and header fields, as received.
 *
 * @param method  the method token, case preserved ({@code GET})
 * @param target  the request target as sent ({@code /chat?room=1})
 * @param version the HTTP version as sent ({@code HTTP/1.1})
 * @param headers the header fields, in order
 */
public record HttpRequestHead(String method, String target, String version, HttpHeaders headers) {
    public HttpRequestHead {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(version, "version");
        headers = headers == null ? HttpHeaders.empty() : headers;
    }
}
