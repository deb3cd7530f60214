package dev.freeway.examples.hashclient;

import jakarta.websocket.Session;

import java.io.IOException;

/** One of the tutorial's clients, run on an open session until it has sent what it was asked to. */
interface HashVariant {

    /**
     * Sends random data and checks every digest the server answers with.
     *
     * @throws DigestMismatchException  at the first digest that differs
     * @throws ConnectionEndedException if the server closed, failed, or did not answer in time
     */
    void run(Session session, DigestInbox inbox, DigestChecker checker, HashClientOptions options)
            throws IOException, InterruptedException;

    static HashVariant of(Variant variant) {
        return switch (variant) {
            case MESSAGE -> new MessageVariant();
            case FRAME -> new FrameVariant();
            case STREAM -> new StreamVariant();
        };
    }

    /** How many units of {@code unitSize} cover the bytes asked for ({@link Long#MAX_VALUE} for no end). */
    static long units(HashClientOptions options, long unitSize) {
        if (options.bytes().isEmpty()) {
            return Long.MAX_VALUE;
        }
        long bytes = options.bytes().getAsLong();
        return bytes / unitSize + (bytes % unitSize == 0 ? 0 : 1);
    }
}
