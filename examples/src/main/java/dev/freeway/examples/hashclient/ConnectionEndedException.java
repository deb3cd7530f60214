package dev.freeway.examples.hashclient;

/** The server stopped answering: the connection closed or failed, or a digest did not come in time. */
public final class ConnectionEndedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConnectionEndedException(String message) {
        super(message);
    }
}
