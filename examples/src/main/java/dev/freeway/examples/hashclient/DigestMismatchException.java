package dev.freeway.examples.hashclient;

/** The server's digest differs from the client's own: the bytes were changed on the way, or lost. */
public final class DigestMismatchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DigestMismatchException(String message) {
        super(message);
    }
}
