package dev.freeway.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * HTTP header fields in the order they came, with case-insensitive look-up. Immutable once built.
 */
public final class HttpHeaders {
    private static final HttpHeaders EMPTY = new HttpHeaders(List.of());

    private final List<Field> fields;

    private HttpHeaders(List<Field> fields) {
        this.fields = fields;
    }

    /** No header fields. */
    public static HttpHeaders empty() {
        return EMPTY;
    }

    /** Headers from alternating names and values: {@code of("Host", "a", "Origin", "b")}. */
    public static HttpHeaders of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        Builder b = builder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            b.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return b.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The first value of {@code name}, or {@code null}. */
    public String first(String name) {
        for (Field f : fields) {
            if (f.name.equalsIgnoreCase(name)) {
                return f.value;
            }
        }
        return null;
    }

    /** Every value of {@code name}, in order; empty when absent. */
    public List<String> all(String name) {
        List<String> out = new ArrayList<>(2);
        for (Field f : fields) {
            if (f.name.equalsIgnoreCase(name)) {
                out.add(f.value);
            }
        }
        return out;
    }

    /**
     * The comma-separated elements of every value of {@code name}, trimmed, empty ones dropped
     * ({@code Connection: keep-alive, Upgrade} gives two tokens).
     */
    public List<String> tokens(String name) {
        List<String> out = new ArrayList<>(2);
        for (Field f : fields) {
            if (f.name.equalsIgnoreCase(name)) {
                for (String part : f.value.split(",")) {
                    String t = part.trim();
                    if (!t.isEmpty()) {
                        out.add(t);
                    }
                }
            }
        }
        return out;
    }

    /** Whether a comma-separated element of {@code name} equals {@code token}, ignoring case. */
    public boolean hasToken(String name, String token) {
        for (String t : tokens(name)) {
            if (t.equalsIgnoreCase(token)) {
                return true;
            }
        }
        return false;
    }

    public boolean contains(String name) {
        return first(name) != null;
    }

    /** All fields, in order. */
    public List<Field> fields() {
        return fields;
    }

    /** The distinct names, lower-cased, in order of first appearance. */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        for (Field f : fields) {
            String n = f.name.toLowerCase(Locale.ROOT);
            if (!out.contains(n)) {
                out.add(n);
            }
        }
        return out;
    }

    public int size() {
        return fields.size();
    }

    /** A copy with the fields of {@code other} appended. */
    public HttpHeaders with(HttpHeaders other) {
        if (other.fields.isEmpty()) {
            return this;
        }
        Builder b = builder();
        fields.forEach(f -> b.add(f.name, f.value));
        other.fields.forEach(f -> b.add(f.name, f.value));
        return b.build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HttpHeaders && ((HttpHeaders) o).fields.equals(fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return fields.toString();
    }

    /** One header field. */
    public record Field(String name, String value) {
        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return name + ": " + value;
        }
    }

    /** Collects fields; rejects names and values that would break the HTTP framing. */
    public static final class Builder {
        private final List<Field> fields = new ArrayList<>();

        public Builder add(String name, String value) {
            checkName(name);
            checkValue(name, value);
            fields.add(new Field(name, value));
            return this;
        }

        /** Replaces every field called {@code name} with one holding {@code value}. */
        public Builder set(String name, String value) {
            fields.removeIf(f -> f.name.equalsIgnoreCase(name));
            return add(name, value);
        }

        public Builder addAll(HttpHeaders headers) {
            fields.addAll(headers.fields);
            return this;
        }

        public HttpHeaders build() {
            return fields.isEmpty() ? EMPTY : new HttpHeaders(Collections.unmodifiableList(new ArrayList<>(fields)));
        }

        private static void checkName(String name) {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("header name is empty");
            }
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (c <= ' ' || c >= 0x7f || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
                    throw new IllegalArgumentException("header name '" + name + "' has an invalid character at " + i);
                }
            }
        }

        private static void checkValue(String name, String value) {
            if (value == null) {
                throw new IllegalArgumentException("header '" + name + "' has no value");
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\r' || c == '\n' || c == 0 || c > 0xff) {
                    throw new IllegalArgumentException("header '" + name + "' value has an invalid character at " + i);
                }
            }
        }
    }
}
