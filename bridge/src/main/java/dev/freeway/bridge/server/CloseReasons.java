package dev.freeway.bridge.server;

import jakarta.websocket.CloseReason;

import java.nio.charset.StandardCharsets;

/** Close reasons the bridge sends, their phrases cut to the 123 bytes a close frame allows. */
final class CloseReasons {
    /** RFC 6455's registry: the server, acting as a gateway, got nothing valid from upstream. */
    static final int BAD_GATEWAY = 1014;
    private static final int MAX_REASON_BYTES = 123;

    private CloseReasons() {
    }

    static CloseReason of(int code, String phrase) {
        return new CloseReason(CloseReason.CloseCodes.getCloseCode(code), fit(phrase));
    }

    /** Cuts on a character boundary so the phrase stays valid UTF-8. */
    static String fit(String phrase) {
        if (phrase.getBytes(StandardCharsets.UTF_8).length <= MAX_REASON_BYTES) {
            return phrase;
        }
        StringBuilder b = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < phrase.length(); ) {
            int cp = phrase.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > MAX_REASON_BYTES) {
                break;
            }
            b.appendCodePoint(cp);
            bytes += size;
            i += Character.charCount(cp);
        }
        return b.toString();
    }
}
