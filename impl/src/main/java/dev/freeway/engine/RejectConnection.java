package dev.freeway.engine;

/**
 * The handshake failed. A server sends it to refuse a {@link Request} with an HTTP response; a
 * client receives it when the server answered with anything but a valid 101. The body, if any,
 * follows as {@link RejectData} events.
 *
 * @param status   the HTTP status code
 * @param headers  the response header fields
 * @param hasBody  whether {@link RejectData} events follow
 */
public record RejectConnection(int status, HttpHeaders headers, boolean hasBody) implements Event {
    public RejectConnection {
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("HTTP status " + status + " is not a three-digit code");
        }
        headers = headers == null ? HttpHeaders.empty() : headers;
    }

    /** A rejection with status and no body. */
    public RejectConnection(int status) {
        this(status, HttpHeaders.empty(), false);
    }
}
