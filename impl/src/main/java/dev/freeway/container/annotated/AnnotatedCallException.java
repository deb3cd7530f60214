package dev.freeway.container.annotated;

/**
 * Carries a checked exception thrown by an annotated endpoint's method (or by sending its return
 * value) out of callbacks that cannot throw checked exceptions, such as {@code MessageHandler.onMessage}.
 * Unchecked exceptions and errors are never wrapped. The session unwraps it with
 * {@link AnnotatedEndpoint#unwrap(Throwable)} before passing the error to {@code onError}.
 */
final class AnnotatedCallException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AnnotatedCallException(Throwable cause) {
        super(cause.toString(), cause, false, false); // no stack trace of its own: it only carries the cause
    }
}
