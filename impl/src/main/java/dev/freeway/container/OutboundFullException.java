package dev.freeway.container;

import java.io.IOException;

/**
 * An asynchronous send was refused because the bytes already waiting for the peer reached the
 * session's outbound limit: the peer reads slower than the application sends.
 */
public final class OutboundFullException extends IOException {
    private static final long serialVersionUID = 1L;

    public OutboundFullException(String message) {
        super(message);
    }
}
