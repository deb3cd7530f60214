package dev.freeway.container.server;

/** The HTTP {@code token} grammar (RFC 9110 section 5.6.2), for subprotocol names. */
final class HttpTokens {
    private static final String SYMBOLS = "!#$%&'*+-.^_`|~";

    private HttpTokens() {
    }

    static boolean isToken(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || SYMBOLS.indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
