package dev.freeway.benchmarks.load.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

/**
 * The ceiling's HTTP/1.1 upgrade: finds {@code Sec-WebSocket-Key} in a request head and builds the
 * 101 answer (RFC 6455 4.2.2), or a 404 for anything that is not an upgrade to {@code /echo} or
 * {@code /echo-large}. One per selector thread: it keeps the SHA-1 digest, so nothing is set up
 * again per connection but the answer itself.
 */
final class CeilingHandshake {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final byte[] NOT_FOUND = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);
    private final MessageDigest sha1;

    CeilingHandshake() {
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The answer to a whole request head (up to and without its blank line); a 404 unless it is an upgrade we serve. */
    ByteBuffer answer(String head) {
        String[] lines = head.split("\r\n");
        String[] requestLine = lines[0].split(" ");
        boolean ours = requestLine.length == 3 && requestLine[0].equals("GET")
                && (requestLine[1].equals("/echo") || requestLine[1].equals("/echo-large"));
        String key = null;
        for (int i = 1; i < lines.length && ours; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0 && lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("sec-websocket-key")) {
                key = lines[i].substring(colon + 1).trim();
            }
        }
        if (key == null) {
            return ByteBuffer.wrap(NOT_FOUND);
        }
        String accept = Base64.getEncoder().encodeToString(sha1.digest((key + GUID).getBytes(StandardCharsets.US_ASCII)));
        return ByteBuffer.wrap(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    /** Whether {@code answer} is the refusal, after which the connection is closed. */
    static boolean refused(ByteBuffer answer) {
        return answer.array() == NOT_FOUND;
    }
}
