package dev.freeway.client;

import dev.freeway.engine.HttpHeaders;
import jakarta.websocket.DeploymentException;

/**
 * The server answered the opening handshake with an HTTP status other than 101. The message
 * names the URI, the status and the first readable line of the response body; the status and
 * headers are here for code that wants to react (a redirect's {@code Location}, a 401's
 * {@code WWW-Authenticate}).
 */
public class HandshakeRejectedException extends DeploymentException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient HttpHeaders headers;
    private final String bodyLine;

    public HandshakeRejectedException(String message, int status, HttpHeaders headers, String bodyLine) {
        super(message);
        this.status = status;
        this.headers = headers;
        this.bodyLine = bodyLine;
    }

    /** The HTTP status the server answered with. */
    public int status() {
        return status;
    }

    /** The response's header fields. */
    public HttpHeaders headers() {
        return headers;
    }

    /** The first readable line of the response body, or {@code ""}. */
    public String bodyLine() {
        return bodyLine;
    }
}
