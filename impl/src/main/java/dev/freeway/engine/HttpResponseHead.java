package dev.freeway.engine;

import java.util.Objects;

/**
 * The head of an HTTP/1.x response: its status line and header fields, as received.
 *
 * @param version the HTTP version as sent ({@code HTTP/1.1})
 * @param status  the three-digit status code
 * @param reason  the reason phrase, possibly empty, never {@code null}
 * @param headers the header fields, in order
 */
public record HttpResponseHead(String version, int status, String reason, HttpHeaders headers) {
    public HttpResponseHead {
        Objects.requireNonNull(version, "version");
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("HTTP status " + status + " is not a three-digit code");
        }
        reason = reason == null ? "" : reason;
        headers = headers == null ? HttpHeaders.empty() : headers;
    }

    /**
     * Whether this is an interim (1xx) response other than 101. A client may receive such
     * responses (103 Early Hints, say) before the final one and must skip them (RFC 9110 section
     * 15.2): parse the next head instead.
     */
    public boolean isInterim() {
        return status < 200 && status != 101;
    }
}
