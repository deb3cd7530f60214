package dev.freeway.examples.hashclient;

import java.io.PrintStream;

/** Compares each digest from the server with the client's own, prints it, and counts. */
final class DigestChecker {
    private final PrintStream out;
    private final boolean quiet;
    private long checked;
    private long bytes;

    DigestChecker(PrintStream out, boolean quiet) {
        this.out = out;
        this.quiet = quiet;
    }

    /**
     * Checks one digest.
     *
     * @param what     what it is the digest of, as the tutorial prints it: {@code message 3}
     * @param sent     bytes the digest newly covers, for the summary
     * @throws DigestMismatchException if the server's digest is not the expected one
     */
    void check(String what, long sent, String expected, String fromServer) {
        if (!expected.equals(fromServer)) {
            throw new DigestMismatchException("digest for " + what + " differs: the server computed " + fromServer
                    + ", the client " + expected);
        }
        checked++;
        bytes += sent;
        if (!quiet) {
            out.println("Digest for " + what + " computed by server: " + fromServer + " (matches)");
        }
    }

    long checked() {
        return checked;
    }

    long bytes() {
        return bytes;
    }
}
