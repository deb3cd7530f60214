package dev.freeway.container.send;

import java.io.IOException;

/**
 * Why sends fail once a session is over. Made once per session when it finishes, usually for
 * nobody (most sessions end with no send waiting), so it records no stack trace: the finishing
 * thread's stack says nothing to the application, and walking it cost two of these a cycle in
 * the churn profile. A blocking send throws it wrapped in an exception with the caller's own
 * stack; an asynchronous send's {@code SendResult} or {@code Future} carries this instance
 * itself, the same one for every send of the session that failed with it.
 */
public final class SessionClosedException extends IOException {
    private static final long serialVersionUID = 1L;

    /** A failure saying why the session is over. */
    public SessionClosedException(String message) {
        super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // see the class comment: no stack walk at every session's end
    }
}
