package dev.freeway.examples.hashclient;

import dev.freeway.client.FreewayClientContainer;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Session;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Callable;

/** One run of a hash client: connect, send and check, report; the result is the exit status. */
public final class HashClientRun implements Callable<Integer> {
    public static final int OK = 0;
    public static final int MISMATCH = 1;
    public static final int BAD_ARGUMENTS = 2;
    public static final int CONNECTION_FAILED = 3;

    private final HashClientOptions options;
    private final PrintStream out;
    private final PrintStream err;

    public HashClientRun(HashClientOptions options, PrintStream out, PrintStream err) {
        this.options = options;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        try (FreewayClientContainer container = new FreewayClientContainer()) {
            DigestInbox inbox = new DigestInbox();
            Session session;
            try {
                session = container.connectToServer(inbox, ClientEndpointConfig.Builder.create().build(), options.url());
            } catch (DeploymentException | IOException e) {
                err.println("Could not connect to " + options.url() + ": " + e.getMessage());
                return CONNECTION_FAILED;
            }
            out.println("Connected to " + options.url() + ", " + options.variant().name().toLowerCase(Locale.ROOT)
                    + " variant, sending " + options.bytes().stream().mapToObj(ByteSize::format).findFirst()
                    .orElse("until stopped"));
            return sendAndCheck(session, inbox);
        }
    }

    private int sendAndCheck(Session session, DigestInbox inbox) {
        DigestChecker checker = new DigestChecker(out, options.quiet());
        long start = System.nanoTime();
        try {
            HashVariant.of(options.variant()).run(session, inbox, checker, options);
        } catch (DigestMismatchException e) {
            err.println("MISMATCH: " + e.getMessage());
            return MISMATCH;
        } catch (ConnectionEndedException | IOException e) {
            err.println("FAILED after " + checker.checked() + " matching digests: " + e.getMessage());
            return CONNECTION_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("interrupted");
            return CONNECTION_FAILED;
        } finally {
            closeQuietly(session);
        }
        double seconds = Math.max(1e-3, (System.nanoTime() - start) / 1e9);
        out.printf(Locale.ROOT, "OK: %d digests matched, %s sent in %.1f s (%.0f MiB/s)%n", checker.checked(),
                ByteSize.format(checker.bytes()), seconds, checker.bytes() / seconds / (1 << 20));
        return OK;
    }

    private void closeQuietly(Session session) {
        try {
            session.close();
        } catch (IOException | RuntimeException e) {
            // Closing is all that is left to do: nothing the user needs to hear about.
        }
    }
}
