package dev.freeway.servlet;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which web origins may open WebSockets, from {@code dev.freeway.allowedOrigins}: a list (commas or
 * spaces) of origins such as {@code https://app.example.com}, {@code https://*.example.com} or
 * {@code http://localhost:8080}, where {@code *} in the host name stands for any run of
 * characters but dots, and the keyword {@code same-origin} (the origin the request was sent to);
 * {@code *} alone allows every origin, which is also the default (the spec's), so that nothing
 * changes for an application that sets nothing.
 *
 * <p>Browsers send {@code Origin} with every WebSocket handshake and let any page open a
 * WebSocket to any site, with that site's cookies: without a check, a page elsewhere can act as
 * the logged-in user (cross-site WebSocket hijacking). A request without {@code Origin} comes
 * from no browser and is let through; {@code Origin: null} (sandboxed frames, files) matches only
 * an explicit {@code null} entry.
 */
final class OriginPolicy {
    /** Every origin allowed: the default. */
    static final OriginPolicy ANY = new OriginPolicy(true, false, List.of(), "*");

    private final boolean any;
    private final boolean sameOrigin;
    private final List<Pattern> allowed;
    private final String text;

    private OriginPolicy(boolean any, boolean sameOrigin, List<Pattern> allowed, String text) {
        this.any = any;
        this.sameOrigin = sameOrigin;
        this.allowed = allowed;
        this.text = text;
    }

    /**
     * Reads a policy; {@code null} or blank is {@link #ANY}.
     *
     * @throws IllegalArgumentException naming the entry that is neither a keyword nor an origin
     */
    static OriginPolicy parse(String value) {
        if (value == null || value.isBlank()) {
            return ANY;
        }
        boolean any = false;
        boolean same = false;
        List<Pattern> patterns = new ArrayList<>();
        for (String entry : value.trim().split("[,\\s]+")) {
            String e = entry.toLowerCase(Locale.ROOT);
            if (e.equals("*")) {
                any = true;
            } else if (e.equals("same-origin")) {
                same = true;
            } else if (e.equals("null")) {
                patterns.add(Pattern.compile("null"));
            } else {
                patterns.add(pattern(entry, e));
            }
        }
        return new OriginPolicy(any, same, List.copyOf(patterns), value.trim());
    }

    /** Whether this is the default, which checks nothing. */
    boolean allowsAny() {
        return any;
    }

    /**
     * Why {@code origin} may not connect, or {@code null} if it may.
     *
     * @param origin     the request's {@code Origin} header, {@code null} if none
     * @param requested  the origin the request was sent to, e.g. {@code https://example.com:8443}
     */
    String refusal(String origin, String requested) {
        if (any || origin == null) {
            return null;
        }
        String o = normalize(origin.trim().toLowerCase(Locale.ROOT));
        if (sameOrigin && o.equals(normalize(requested.toLowerCase(Locale.ROOT)))) {
            return null;
        }
        for (Pattern p : allowed) {
            if (p.matcher(o).matches()) {
                return null;
            }
        }
        return "the origin " + origin + " may not open a WebSocket here (allowed: " + text + ")";
    }

    /** {@code scheme://host:port} with the scheme's default port written out. */
    private static String normalize(String origin) {
        if (origin.equals("null")) {
            return origin;
        }
        try {
            URI u = new URI(origin);
            if (u.getScheme() == null || u.getHost() == null) {
                return origin;
            }
            int port = u.getPort() >= 0 ? u.getPort() : defaultPort(u.getScheme());
            return u.getScheme() + "://" + u.getHost() + ":" + port;
        } catch (java.net.URISyntaxException e) {
            return origin; // matches nothing but itself
        }
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("https") || scheme.equals("wss") ? 443 : 80;
    }

    private static Pattern pattern(String entry, String lower) {
        int sep = lower.indexOf("://");
        if (sep <= 0 || lower.length() == sep + 3) {
            throw new IllegalArgumentException("'"
                    + entry + "' is not an origin (scheme://host[:port]), * or same-origin");
        }
        String scheme = lower.substring(0, sep);
        String hostPort = lower.substring(sep + 3);
        if (hostPort.endsWith("/")) {
            hostPort = hostPort.substring(0, hostPort.length() - 1);
        }
        String host = hostPort;
        String port = String.valueOf(defaultPort(scheme));
        int colon = hostPort.lastIndexOf(':');
        if (colon > hostPort.lastIndexOf(']')) {
            host = hostPort.substring(0, colon);
            port = hostPort.substring(colon + 1);
        }
        if (host.isEmpty() || !port.matches("\\d+|\\*") || hostPort.contains("/")) {
            throw new IllegalArgumentException("'"
                    + entry + "' is not an origin (scheme://host[:port]), * or same-origin");
        }
        StringBuilder regex = new StringBuilder(Pattern.quote(scheme + "://"));
        for (String part : host.split("\\*", -1)) {
            regex.append(Pattern.quote(part)).append("[^.:/]*");
        }
        regex.setLength(regex.length() - "[^.:/]*".length());
        regex.append(':').append(port.equals("*") ? "\\d+" : Pattern.quote(port));
        return Pattern.compile(regex.toString());
    }

    @Override
    public String toString() {
        return text;
    }
}
