package dev.freeway.bridge;

import java.util.List;
import java.util.Optional;

/**
 * How a byte stream rides on WebSocket messages, named by the subprotocol websockify and
 * Autobahn's wrapping adapter use: {@code binary} (the octets are the payload of binary messages)
 * or {@code base64} (the octets in Base64, as the payload of text messages).
 *
 * <p>The server-side choice follows websockify's: {@code binary} wins whenever it is offered,
 * whatever its place in the offer, and a handshake that offers no subprotocol at all gets binary
 * framing and no {@code Sec-WebSocket-Protocol} header in the answer. websockify 0.9 and later
 * dropped {@code base64}; Freeway still answers it (the legacy websockify clients and Autobahn's
 * wrapping adapter offer it) when it is offered without {@code binary}.
 */
public enum StreamSubprotocol {
    /** Octets as binary-message payload. */
    BINARY("binary"),
    /** Octets Base64-encoded in text messages (each message decodes on its own). */
    BASE64("base64");

    private final String token;

    StreamSubprotocol(String token) {
        this.token = token;
    }

    /** The subprotocol token on the wire. */
    public String token() {
        return token;
    }

    /**
     * The framing a server picks from a client's offer (tokens, in the client's order), or
     * empty when the offer names neither {@code binary} nor {@code base64}.
     */
    public static Optional<StreamSubprotocol> choose(List<String> offered) {
        boolean base64 = false;
        for (String t : offered) {
            String token = t.trim();
            if (token.equals(BINARY.token)) {
                return Optional.of(BINARY);
            }
            base64 |= token.equals(BASE64.token);
        }
        return base64 ? Optional.of(BASE64) : Optional.empty();
    }

    /** The framing the server answered with {@code token} ({@code ""}: none, so binary), if it is one of ours. */
    public static Optional<StreamSubprotocol> ofToken(String token) {
        if (token == null || token.isEmpty() || token.equals(BINARY.token)) {
            return Optional.of(BINARY);
        }
        return token.equals(BASE64.token) ? Optional.of(BASE64) : Optional.empty();
    }
}
