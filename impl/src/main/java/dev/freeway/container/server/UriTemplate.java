package dev.freeway.container.server;

import jakarta.websocket.DeploymentException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A server endpoint path: a relative URI or a level-1 URI template whose variables each fill a
 * whole segment, such as {@code /chat/{room}} (Jakarta WebSocket 2.2 section 3.1.1; RFC 6570).
 * Immutable.
 *
 * <p>A path must start with {@code /}; may not hold a query, a fragment, a {@code .} or
 * {@code ..} segment, or an empty segment other than a trailing one ({@code /a/b/} is a path of
 * its own, {@code /a//b} is refused); its literal characters must be RFC 3986 {@code pchar}s
 * (anything else percent-encoded); a variable {@code {name}} must be a whole segment, its name
 * made of letters, digits, {@code _}, {@code -}, {@code .} (not first) and percent-encoded octets,
 * and used once.
 *
 * <p><b>Matching.</b> A request path matches when it has as many segments as the template, each
 * literal segment equals the request's segment and each variable segment is non-empty (the spec's
 * examples: {@code /a/{var}} matches neither {@code /a} nor {@code /a/b/}). Segments are compared
 * after percent-decoding, so {@code /caf%C3%A9} and {@code /caf%c3%a9} are the same path, and the
 * values of path parameters are decoded too: a variable expands with percent-encoding (RFC 6570
 * section 3.2.2), so the decoded text is the value that produced the request. {@code %2F} decodes
 * inside its segment and never splits it.
 *
 * <p>{@link #equals} compares templates up to the names of their variables: {@code /chat/{room}}
 * equals {@code /chat/{name}}, because they match the same request paths, which section 3.1.1
 * forbids two endpoints to do.
 */
public final class UriTemplate {
    /** Orders templates of the same length by section 3.1.1's preference: leftmost literal wins. */
    static final Comparator<UriTemplate> PRECEDENCE = UriTemplate::comparePrecedence;

    private static final String SPEC = "Jakarta WebSocket 2.2 section 3.1.1";
    private static final String SUB_DELIMS_AND_EXTRAS = "-._~!$&'()*+,;=:@";

    private final String path;
    /** Decoded literal per segment, {@code null} where the segment is a variable. */
    private final String[] literals;
    /** Variable name per segment, {@code null} where the segment is a literal. */
    private final String[] names;
    private final List<String> variableNames;

    private UriTemplate(String path, String[] literals, String[] names, List<String> variableNames) {
        this.path = path;
        this.literals = literals;
        this.names = names;
        this.variableNames = variableNames;
    }

    /**
     * Parses and validates an endpoint path.
     *
     * @throws DeploymentException naming the path and the rule it breaks
     */
    public static UriTemplate parse(String path) throws DeploymentException {
        if (path == null) {
            throw new DeploymentException("no path given; an endpoint path is a relative URI starting with '/' ("
                    + SPEC + ")");
        }
        if (path.isEmpty() || path.charAt(0) != '/') {
            throw fail(path, "must start with '/'");
        }
        int query = path.indexOf('?');
        if (query >= 0) {
            throw fail(path, "has a query ('" + path.substring(query) + "'); an endpoint path has only path segments");
        }
        int fragment = path.indexOf('#');
        if (fragment >= 0) {
            throw fail(path, "has a fragment ('" + path.substring(fragment) + "'); an endpoint path has only path segments");
        }
        List<String> raw = PathSegments.split(path);
        String[] literals = new String[raw.size()];
        String[] names = new String[raw.size()];
        List<String> variableNames = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String segment = raw.get(i);
            int position = i + 1;
            if (segment.isEmpty() && i < raw.size() - 1) {
                throw fail(path, "has an empty segment ('//') at segment " + position
                        + "; only the last segment may be empty");
            }
            if (segment.startsWith("{") && segment.endsWith("}") && segment.length() >= 2) {
                String name = segment.substring(1, segment.length() - 1);
                checkVariableName(path, name);
                if (variableNames.contains(name)) {
                    throw fail(path, "uses the variable '{" + name + "}' twice; each variable may appear once");
                }
                variableNames.add(name);
                names[i] = name;
            } else {
                literals[i] = checkLiteral(path, segment, position);
            }
        }
        return new UriTemplate(path, literals, names, Collections.unmodifiableList(variableNames));
    }

    private static void checkVariableName(String path, String name) throws DeploymentException {
        if (name.isEmpty()) {
            throw fail(path, "has a variable without a name ('{}')");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '%' && i + 2 < name.length() && isHex(name.charAt(i + 1)) && isHex(name.charAt(i + 2))) {
                i += 2;
                continue;
            }
            boolean ok = isAlphaNum(c) || c == '_' || c == '-' || (c == '.' && i > 0);
            if (!ok) {
                throw fail(path, "has an invalid variable name '" + name + "' (character '" + c
                        + "'); a name is made of letters, digits, '_', '-', '.' (not first) and percent-encoded "
                        + "octets, and a variable must be a whole segment (RFC 6570 level 1)");
            }
        }
    }

    /** Validates a literal segment and returns it decoded. */
    private static String checkLiteral(String path, String segment, int position) throws DeploymentException {
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '{' || c == '}') {
                throw fail(path, "has '" + c + "' inside segment " + position + " ('" + segment
                        + "'); a variable must be a whole segment, like '/{name}'");
            }
            if (c == '%') {
                if (i + 2 >= segment.length() || !isHex(segment.charAt(i + 1)) || !isHex(segment.charAt(i + 2))) {
                    throw fail(path, "has '%' not followed by two hex digits in segment " + position + " ('"
                            + segment + "')");
                }
                i += 2;
                continue;
            }
            if (!isAlphaNum(c) && SUB_DELIMS_AND_EXTRAS.indexOf(c) < 0) {
                int codePoint = segment.codePointAt(i);
                String character = new String(Character.toChars(codePoint));
                throw fail(path, "has the character '" + character + "' in segment " + position
                        + ", which a URI path cannot hold; write it percent-encoded as '" + percentEncode(character)
                        + "' (RFC 3986 section 3.3)");
            }
        }
        String decoded = PathSegments.decode(segment);
        if (decoded == null) {
            throw fail(path, "has percent-encoded bytes in segment " + position + " ('" + segment
                    + "') that are not UTF-8");
        }
        if (decoded.equals(".") || decoded.equals("..")) {
            throw fail(path, "has a '" + decoded + "' segment; an endpoint path must be normalized");
        }
        return decoded;
    }

    private static String percentEncode(String character) {
        StringBuilder sb = new StringBuilder();
        for (byte b : character.getBytes(StandardCharsets.UTF_8)) {
            sb.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                    .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
        }
        return sb.toString();
    }

    private static boolean isAlphaNum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0 && c < 0x80;
    }

    private static DeploymentException fail(String path, String reason) {
        return new DeploymentException("path '" + path + "' " + reason + " (" + SPEC + ")");
    }

    /** The path as written. */
    public String path() {
        return path;
    }

    /** The variable names, in order of appearance. */
    public List<String> variableNames() {
        return variableNames;
    }

    /** Whether the path has variables; one without is matched only by itself. */
    public boolean hasVariables() {
        return !variableNames.isEmpty();
    }

    /** The number of segments: {@code /} has one (empty), {@code /a/b/} has three. */
    public int segmentCount() {
        return literals.length;
    }

    /**
     * The path parameters when {@code requestPath} matches, else {@code null}.
     *
     * @param requestPath the request's path relative to the application's root, still
     *                    percent-encoded, without query; see {@link EndpointRegistry#find(String)}
     * @return variable names to decoded values, in template order; empty for a path without
     *         variables
     */
    public Map<String, String> match(String requestPath) {
        List<String> segments = PathSegments.ofRequestPath(requestPath);
        return segments == null ? null : matchSegments(segments);
    }

    /** As {@link #match(String)}, for a path already split and decoded by {@link PathSegments}. */
    Map<String, String> matchSegments(List<String> decodedSegments) {
        if (decodedSegments.size() != literals.length) {
            return null;
        }
        for (int i = 0; i < literals.length; i++) {
            String segment = decodedSegments.get(i);
            if (literals[i] != null ? !literals[i].equals(segment) : segment.isEmpty()) {
                return null;
            }
        }
        if (variableNames.isEmpty()) {
            return Map.of();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            if (names[i] != null) {
                values.put(names[i], decodedSegments.get(i));
            }
        }
        return Collections.unmodifiableMap(values);
    }

    /** The decoded segments of a template without variables, for exact look-up. */
    List<String> literalSegments() {
        if (hasVariables()) {
            throw new IllegalStateException(path + " has variables");
        }
        return List.of(literals);
    }

    /**
     * Section 3.1.1's order: segment by segment from the left, a literal before a variable (two
     * literals in text order, which only makes the order total: both cannot match one path).
     * Templates of different lengths never compete; shorter ones sort first.
     */
    private int comparePrecedence(UriTemplate other) {
        if (literals.length != other.literals.length) {
            return Integer.compare(literals.length, other.literals.length);
        }
        for (int i = 0; i < literals.length; i++) {
            String a = literals[i];
            String b = other.literals[i];
            if (a == null && b == null) {
                continue;
            }
            if (a == null || b == null) {
                return a != null ? -1 : 1;
            }
            int c = a.compareTo(b);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Whether {@code o} is a template with the same literals and variables in the same places. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof UriTemplate)) {
            return false;
        }
        UriTemplate t = (UriTemplate) o;
        if (t.literals.length != literals.length) {
            return false;
        }
        for (int i = 0; i < literals.length; i++) {
            if (!Objects.equals(literals[i], t.literals[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = literals.length;
        for (String literal : literals) {
            h = 31 * h + Objects.hashCode(literal);
        }
        return h;
    }

    /** The path as written. */
    @Override
    public String toString() {
        return path;
    }
}
