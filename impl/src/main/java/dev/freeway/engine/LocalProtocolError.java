package dev.freeway.engine;

/**
 * The application misused the connection: it sent in a state that forbids it (data after close,
 * a second close, a continuation with no message begun, more frame data than declared). Nothing
 * was sent; the connection is unchanged.
 */
public final class LocalProtocolError extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public LocalProtocolError(String message) {
        super(message);
    }
}
