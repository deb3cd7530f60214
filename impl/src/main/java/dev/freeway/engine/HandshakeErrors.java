package dev.freeway.engine;

import dev.freeway.api.CloseCodes;

/** Builds the errors a failed handshake raises, and quotes peer text safely into messages. */
final class HandshakeErrors {
    /** Longest piece of peer text repeated in a message; heads may be kilobytes long. */
    private static final int MAX_QUOTED = 100;
    private static final String TEXT_PLAIN = "text/plain; charset=utf-8";

    private HandshakeErrors() {
    }

    /**
     * A failed server handshake: the client gets {@code status} with {@code message} as a
     * plain-text body. {@code extraHeaders} alternate names and values.
     */
    static RemoteProtocolError reject(int status, String message, String... extraHeaders) {
        HttpHeaders headers = HttpHeaders.of("Content-Type", TEXT_PLAIN).with(HttpHeaders.of(extraHeaders));
        return new RemoteProtocolError(new RejectConnection(status, headers, true), message);
    }

    /** A failed client handshake (or a bad response head): protocol error, close code 1002. */
    static RemoteProtocolError fail(String message) {
        return new RemoteProtocolError(CloseCodes.PROTOCOL_ERROR, message);
    }

    /** {@code text} in single quotes, see {@link #printable(String)}. */
    static String quote(String text) {
        return "'" + printable(text) + "'";
    }

    /**
     * {@code text} cut to a readable length, control characters written as {@code \xNN}: the
     * message may become a response body or a log line, so peer bytes must not shape either.
     */
    static String printable(String text) {
        int n = Math.min(text.length(), MAX_QUOTED);
        StringBuilder sb = new StringBuilder(n + 8);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\x%02X", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (text.length() > n) {
            sb.append("...");
        }
        return sb.toString();
    }
}
