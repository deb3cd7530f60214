package dev.freeway.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code Sec-WebSocket-Extensions} grammar of RFC 6455 section 9.1: a comma-separated list of
 * extension tokens, each followed by {@code ;}-separated parameters that are a token or
 * {@code token=token} or {@code token="quoted-string"} (whose unquoted value must be a token).
 */
public final class ExtensionHeader {
    private ExtensionHeader() {
    }

    /**
     * Parses every value of the header, in order.
     *
     * @throws IllegalArgumentException with the offending text when the syntax is wrong, or a
     *                                  parameter is repeated within one extension
     */
    public static List<ExtensionOffer> parse(List<String> headerValues) {
        List<ExtensionOffer> out = new ArrayList<>();
        for (String value : headerValues) {
            new Scanner(value).parseList(out);
        }
        return out;
    }

    /**
     * Parses a client's offers for a server: as {@link #parse(List)}, except that an element
     * repeating a parameter is left out rather than failing the whole header, because RFC 7692
     * section 7.1 has the server decline such an offer (and possibly accept a later one).
     *
     * @throws IllegalArgumentException when the syntax is wrong
     */
    public static List<ExtensionOffer> parseOffers(List<String> headerValues) {
        List<ExtensionOffer> out = new ArrayList<>();
        for (String value : headerValues) {
            Scanner scanner = new Scanner(value);
            scanner.dropRepeats = true;
            scanner.parseList(out);
        }
        return out;
    }

    /** Parses one header value. */
    public static List<ExtensionOffer> parse(String headerValue) {
        return parse(List.of(headerValue));
    }

    /** {@code value} as a token if it is one, else as a quoted string. */
    static String quoteIfNeeded(String value) {
        if (isToken(value)) {
            return value;
        }
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isTokenChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isTokenChar(char c) {
        return c > ' ' && c < 0x7f && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
    }

    /** A cursor over one header value. */
    private static final class Scanner {
        private final String s;
        private int i;
        /** Leave out elements that repeat a parameter, instead of failing. */
        private boolean dropRepeats;

        Scanner(String s) {
            this.s = s;
        }

        void parseList(List<ExtensionOffer> out) {
            skipSpace();
            while (i < s.length()) {
                if (s.charAt(i) == ',') { // empty list elements are allowed by the # rule
                    i++;
                    skipSpace();
                    continue;
                }
                String name = token("extension name");
                Map<String, String> params = new LinkedHashMap<>();
                boolean repeated = false;
                skipSpace();
                while (i < s.length() && s.charAt(i) == ';') {
                    i++;
                    skipSpace();
                    String key = token("parameter name");
                    skipSpace();
                    String val = null;
                    if (i < s.length() && s.charAt(i) == '=') {
                        i++;
                        skipSpace();
                        val = i < s.length() && s.charAt(i) == '"' ? quoted() : token("parameter value");
                        skipSpace();
                    }
                    if (params.containsKey(key)) {
                        if (!dropRepeats) {
                            throw error("parameter '" + key + "' repeated in extension '" + name + "'");
                        }
                        repeated = true;
                    }
                    params.put(key, val);
                }
                if (!repeated) {
                    out.add(new ExtensionOffer(name, params));
                }
                if (i < s.length()) {
                    if (s.charAt(i) != ',') {
                        throw error("expected ',' or ';'");
                    }
                    i++;
                    skipSpace();
                }
            }
        }

        private String token(String what) {
            int start = i;
            while (i < s.length() && isTokenChar(s.charAt(i))) {
                i++;
            }
            if (start == i) {
                throw error("expected " + what);
            }
            return s.substring(start, i);
        }

        private String quoted() {
            i++; // opening quote
            StringBuilder sb = new StringBuilder();
            while (i < s.length()) {
                char c = s.charAt(i++);
                if (c == '"') {
                    String v = sb.toString();
                    if (!isToken(v)) {
                        throw error("quoted parameter value \"" + v + "\" is not a token");
                    }
                    return v;
                }
                if (c == '\\') {
                    if (i >= s.length()) {
                        break;
                    }
                    c = s.charAt(i++);
                }
                sb.append(c);
            }
            throw error("unterminated quoted string");
        }

        private void skipSpace() {
            while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                i++;
            }
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("Sec-WebSocket-Extensions " + HandshakeErrors.quote(s) + ": " + what + " at " + i);
        }
    }
}
