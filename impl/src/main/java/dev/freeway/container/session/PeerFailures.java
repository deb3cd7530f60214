package dev.freeway.container.session;

import dev.freeway.container.OutboundFullException;
import dev.freeway.container.ProtocolException;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedChannelException;

/**
 * Tells the failures a remote peer causes (it stopped reading, reset or dropped the connection,
 * broke the protocol) from the application's own, so that logs stay quiet under a peer's abuse:
 * a peer's failure is logged as one line with no stack trace, which would only repeat Freeway's
 * send or read path for every peer that misbehaves; an application's exception keeps its trace.
 */
final class PeerFailures {
    /** Where the I/O failures of the connection itself are raised. */
    private static final String[] IO_ORIGINS = {"dev.freeway.container.", "dev.freeway.servlet.",
            "dev.freeway.client.", "dev.freeway.engine.", "org.eclipse.jetty.", "org.apache.coyote.",
            "org.apache.tomcat.", "sun.nio.ch.", "java.net.", "sun.net.", "java.nio.channels."};

    private PeerFailures() {
    }

    /**
     * Whether {@code failure} (or what it wraps) is a peer's doing: a send timeout or refusal, a
     * protocol error, a reset, a dropped or closed connection.
     */
    static boolean isPeerCaused(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SocketTimeoutException || t instanceof OutboundFullException || t instanceof ProtocolException
                    || t instanceof SocketException || t instanceof EOFException || t instanceof ClosedChannelException) {
                return true;
            }
            if (t instanceof IOException && raisedByTheConnection(t)) {
                return true;
            }
        }
        return false;
    }

    /** One line: the failure and what it wraps, by class and message. */
    static String describe(Throwable failure) {
        StringBuilder line = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (line.length() > 0) {
                line.append(" <- ");
            }
            line.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                line.append(": ").append(t.getMessage());
            }
        }
        return line.toString();
    }

    /** A plain IOException counts as the peer's when Freeway or the server raised it, not application code. */
    private static boolean raisedByTheConnection(Throwable t) {
        StackTraceElement[] trace = t.getStackTrace();
        if (trace.length == 0) {
            return false;
        }
        String origin = trace[0].getClassName();
        for (String prefix : IO_ORIGINS) {
            if (origin.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
