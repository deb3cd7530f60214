package dev.freeway.engine;

import static dev.freeway.engine.HandshakeErrors.quote;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The grammar of a complete HTTP/1.x head (RFC 9112 sections 2 to 5), applied once
 * {@link HttpHeadParser} has found its end. Strict where leniency invites ambiguity: no obsolete
 * line folding, no whitespace before a colon, no control characters, single spaces in the
 * start line.
 *
 * <p>Errors in a request become 400 rejections; errors in a response become protocol errors
 * (close code 1002), since a client has nobody to answer.
 */
final class HttpHeadSyntax {
    private final boolean request;

    private HttpHeadSyntax(boolean request) {
        this.request = request;
    }

    /**
     * Parses {@code length} bytes of a request head that ends with an empty line and contains no
     * CR that is not followed by LF.
     */
    static HttpRequestHead parseRequest(byte[] head, int length) throws RemoteProtocolError {
        HttpHeadSyntax syntax = new HttpHeadSyntax(true);
        List<String> lines = lines(head, length);
        String line = lines.get(0);
        int sp1 = line.indexOf(' ');
        int sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
        if (sp1 <= 0 || sp2 < 0 || line.indexOf(' ', sp2 + 1) >= 0) {
            throw syntax.error("request line " + quote(line) + " is not 'method SP request-target SP HTTP-version'");
        }
        String method = line.substring(0, sp1);
        String target = line.substring(sp1 + 1, sp2);
        String version = line.substring(sp2 + 1);
        if (!ExtensionHeader.isToken(method)) {
            throw syntax.error("method " + quote(method) + " is not a token");
        }
        if (target.isEmpty() || !isVisibleAscii(target)) {
            throw syntax.error("request target " + quote(target) + " is empty or has characters outside visible ASCII");
        }
        syntax.checkVersion(version, line);
        return new HttpRequestHead(method, target, version, syntax.fields(lines));
    }

    /** Parses a response head; the same preconditions as {@link #parseRequest}. */
    static HttpResponseHead parseResponse(byte[] head, int length) throws RemoteProtocolError {
        HttpHeadSyntax syntax = new HttpHeadSyntax(false);
        List<String> lines = lines(head, length);
        String line = lines.get(0);
        int sp = line.indexOf(' ');
        if (sp < 0) {
            throw syntax.error("status line " + quote(line) + " is not 'HTTP-version SP status-code SP reason'");
        }
        syntax.checkVersion(line.substring(0, sp), line);
        int codeEnd = sp + 4;
        // The SP before an empty reason is required by RFC 9112 but often left out; accept both.
        if (line.length() < codeEnd || !isDigits(line, sp + 1, codeEnd)
                || (line.length() > codeEnd && line.charAt(codeEnd) != ' ')) {
            throw syntax.error("status line " + quote(line) + " has no three-digit status code");
        }
        String reason = line.length() > codeEnd ? line.substring(codeEnd + 1) : "";
        int bad = firstControl(reason);
        if (bad >= 0) {
            throw syntax.error(String.format("status line %s has control character 0x%02X",
                    quote(line), (int) reason.charAt(bad)));
        }
        int status = Integer.parseInt(line.substring(sp + 1, codeEnd));
        if (status < 100) {
            throw syntax.error("status code " + status + " is out of range");
        }
        return new HttpResponseHead(line.substring(0, sp), status, reason, syntax.fields(lines));
    }

    /**
     * The head split at LF with any CR before it dropped, leading empty lines skipped (RFC 9112
     * section 2.2 asks servers to ignore them), and the terminating empty line left out.
     */
    private static List<String> lines(byte[] head, int length) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < length; i++) {
            if (head[i] == '\n') {
                int end = i > start && head[i - 1] == '\r' ? i - 1 : i;
                if (end > start) {
                    lines.add(new String(head, start, end - start, StandardCharsets.ISO_8859_1));
                } else if (!lines.isEmpty()) {
                    break;
                }
                start = i + 1;
            }
        }
        return lines;
    }

    private HttpHeaders fields(List<String> lines) throws RemoteProtocolError {
        HttpHeaders.Builder b = HttpHeaders.builder();
        for (int n = 1; n < lines.size(); n++) {
            String line = lines.get(n);
            char first = line.charAt(0);
            if (first == ' ' || first == '\t') {
                throw error("header line " + quote(line)
                        + " starts with whitespace: obsolete line folding is not allowed");
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw error("header line " + quote(line) + " has no colon");
            }
            String name = line.substring(0, colon);
            if (name.isEmpty()) {
                throw error("header line " + quote(line) + " has an empty name");
            }
            char last = name.charAt(name.length() - 1);
            if (last == ' ' || last == '\t') {
                throw error("header name " + quote(name) + " is followed by whitespace before the colon");
            }
            if (!ExtensionHeader.isToken(name)) {
                throw error("header name " + quote(name) + " is not a token");
            }
            String value = trimOws(line.substring(colon + 1));
            int bad = firstControl(value);
            if (bad >= 0) {
                throw error(String.format("header %s has control character 0x%02X in its value",
                        quote(name), (int) value.charAt(bad)));
            }
            b.add(name, value);
        }
        return b.build();
    }

    private void checkVersion(String version, String line) throws RemoteProtocolError {
        if (version.length() != 8 || !version.startsWith("HTTP/") || version.charAt(6) != '.'
                || !isDigits(version, 5, 6) || !isDigits(version, 7, 8)) {
            throw error("HTTP version " + quote(version) + " in " + quote(line) + " is not 'HTTP/d.d'");
        }
    }

    private RemoteProtocolError error(String message) {
        return request ? HandshakeErrors.reject(400, message) : HandshakeErrors.fail(message);
    }

    private static String trimOws(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && isOws(s.charAt(from))) {
            from++;
        }
        while (to > from && isOws(s.charAt(to - 1))) {
            to--;
        }
        return s.substring(from, to);
    }

    private static boolean isOws(char c) {
        return c == ' ' || c == '\t';
    }

    /** Index of the first character outside HTAB, SP, VCHAR and obs-text, or -1. */
    private static int firstControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isVisibleAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
