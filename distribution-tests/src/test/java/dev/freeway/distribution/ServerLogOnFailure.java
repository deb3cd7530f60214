package dev.freeway.distribution;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Attaches the tail of the server's log to a failing test, so the report shows what the container
 * said about it (the whole log stays in {@code target/distribution-runs}).
 */
final class ServerLogOnFailure implements TestExecutionExceptionHandler {
    private final Supplier<ServerProcess> server;

    ServerLogOnFailure(Supplier<ServerProcess> server) {
        this.server = server;
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        ServerProcess s = server.get();
        if (s != null) {
            failure.addSuppressed(new ServerSaid(s.log().tail(60)));
        }
        throw failure;
    }

    /** The log's tail, carried as a suppressed exception: its message is all that matters. */
    private static final class ServerSaid extends Exception {
        private static final long serialVersionUID = 1L;

        ServerSaid(String tail) {
            super(tail, null, false, false);
        }
    }
}
