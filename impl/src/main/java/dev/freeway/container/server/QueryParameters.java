package dev.freeway.container.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a query string the way a Servlet container fills {@code getParameterMap()} for a GET:
 * {@code application/x-www-form-urlencoded} pairs, UTF-8, {@code +} as space, a name without
 * {@code =} getting the value {@code ""}.
 */
final class QueryParameters {
    private QueryParameters() {
    }

    /** Names to values in order of first appearance; unmodifiable, empty for a {@code null} query. */
    static Map<String, List<String>> parse(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        out.replaceAll((n, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(out);
    }

    /** Decodes, keeping the text as it is when an escape is malformed rather than dropping the pair. */
    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
