package dev.freeway.container.server;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits paths into segments and decodes percent-encoding, for {@link UriTemplate} and
 * {@link EndpointRegistry}. Segments are split on {@code /} before decoding, so {@code %2F} stays
 * inside its segment.
 */
final class PathSegments {
    private PathSegments() {
    }

    /**
     * The decoded segments of a request path, or {@code null} when the path can match no endpoint:
     * it does not start with {@code /}, has a query or fragment, has an invalid percent-encoding
     * or bytes that are not UTF-8, or still has a {@code .} or {@code ..} segment (the container
     * normalizes paths before they get here, RFC 3986 section 6; refusing the rest keeps a
     * variable from ever capturing {@code ..}).
     */
    static List<String> ofRequestPath(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/'
                || rawPath.indexOf('?') >= 0 || rawPath.indexOf('#') >= 0) {
            return null;
        }
        List<String> segments = split(rawPath);
        for (int i = 0; i < segments.size(); i++) {
            String decoded = decode(segments.get(i));
            if (decoded == null || decoded.equals(".") || decoded.equals("..")) {
                return null;
            }
            segments.set(i, decoded);
        }
        return segments;
    }

    /** The raw segments of a path starting with {@code /}: {@code /} gives one empty segment. */
    static List<String> split(String path) {
        List<String> out = new ArrayList<>();
        int start = 1;
        while (true) {
            int slash = path.indexOf('/', start);
            if (slash < 0) {
                out.add(path.substring(start));
                return out;
            }
            out.add(path.substring(start, slash));
            start = slash + 1;
        }
    }

    /**
     * {@code raw} with every {@code %XX} decoded as UTF-8, or {@code null} when an escape is
     * malformed or the bytes are not UTF-8. Other characters stand for themselves ({@code +} is
     * not a space in a path).
     */
    static String decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        byte[] utf8 = raw.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[utf8.length];
        int n = 0;
        for (int i = 0; i < utf8.length; i++) {
            byte b = utf8[i];
            if (b == '%') {
                int hi = i + 2 < utf8.length ? Character.digit(utf8[i + 1], 16) : -1;
                int lo = hi >= 0 ? Character.digit(utf8[i + 2], 16) : -1;
                if (lo < 0) {
                    return null;
                }
                out[n++] = (byte) (hi << 4 | lo);
                i += 2;
            } else {
                out[n++] = b;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(out, 0, n))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
