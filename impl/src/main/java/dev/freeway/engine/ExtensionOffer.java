package dev.freeway.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One element of a {@code Sec-WebSocket-Extensions} header: an extension name and its
 * parameters, in order. A parameter without a value maps to {@code null}.
 *
 * @param name       the extension token, e.g. {@code permessage-deflate}
 * @param parameters parameter names to values (unquoted), in header order
 */
public record ExtensionOffer(String name, Map<String, String> parameters) {
    public ExtensionOffer {
        Objects.requireNonNull(name, "name");
        parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    public ExtensionOffer(String name) {
        this(name, Map.of());
    }

    /** The header element, e.g. {@code permessage-deflate; client_max_window_bits}. */
    public String toHeaderValue() {
        StringBuilder sb = new StringBuilder(name);
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            sb.append("; ").append(p.getKey());
            if (p.getValue() != null) {
                sb.append('=').append(ExtensionHeader.quoteIfNeeded(p.getValue()));
            }
        }
        return sb.toString();
    }

    /** A comma-separated header value for several extensions. */
    public static String toHeaderValue(List<ExtensionOffer> extensions) {
        List<String> parts = new ArrayList<>(extensions.size());
        for (ExtensionOffer e : extensions) {
            parts.add(e.toHeaderValue());
        }
        return String.join(", ", parts);
    }
}
