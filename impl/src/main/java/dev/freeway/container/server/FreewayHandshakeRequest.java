package dev.freeway.container.server;

import dev.freeway.engine.HttpHeaders;
import jakarta.websocket.server.HandshakeRequest;

import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The opening handshake request as the application sees it in
 * {@link jakarta.websocket.server.ServerEndpointConfig.Configurator#modifyHandshake}. Immutable;
 * transport-neutral: the Servlet module fills it from the {@code HttpServletRequest}, tests from
 * plain values. Header names are case-insensitive.
 */
public final class FreewayHandshakeRequest implements HandshakeRequest {
    private final URI requestUri;
    private final String queryString;
    private final Map<String, List<String>> headers;
    private final Map<String, List<String>> parameterMap;
    private final Principal userPrincipal;
    private final Predicate<String> userInRole;
    private final Object httpSession;

    private FreewayHandshakeRequest(Builder b) {
        this.requestUri = b.requestUri;
        this.queryString = b.queryStringSet ? b.queryString : b.requestUri.getRawQuery();
        this.headers = b.headers;
        this.parameterMap = b.parameterMap != null ? b.parameterMap : QueryParameters.parse(queryString);
        this.userPrincipal = b.userPrincipal;
        this.userInRole = b.userInRole;
        this.httpSession = b.httpSession;
    }

    private FreewayHandshakeRequest(FreewayHandshakeRequest r, Map<String, List<String>> parameterMap) {
        this.requestUri = r.requestUri;
        this.queryString = r.queryString;
        this.headers = r.headers;
        this.parameterMap = parameterMap;
        this.userPrincipal = r.userPrincipal;
        this.userInRole = r.userInRole;
        this.httpSession = r.httpSession;
    }

    /**
     * This request with the matched endpoint's path parameters among its parameters, after the
     * query's (a path parameter replaces a query parameter of the same name), as Tomcat does and
     * the TCK expects of {@code getParameterMap()} (server.handshakerequest
     * getParameterMapOneParamTest, getParameterMapTwoParamsTest).
     */
    public FreewayHandshakeRequest withPathParameters(Map<String, String> pathParameters) {
        if (pathParameters == null || pathParameters.isEmpty()) {
            return this;
        }
        Map<String, List<String>> all = new LinkedHashMap<>(parameterMap);
        pathParameters.forEach((name, value) -> all.put(name, List.of(value)));
        return new FreewayHandshakeRequest(this, Collections.unmodifiableMap(all));
    }

    /**
     * Starts a request for {@code requestUri}: the whole URI the client asked for (scheme
     * {@code ws} or {@code wss}, authority, path and query), which is also what
     * {@code Session.getRequestURI()} returns. The query string defaults to the URI's raw query,
     * the parameters to that query's pairs, the rest to absent.
     */
    public static Builder builder(URI requestUri) {
        return new Builder(requestUri);
    }

    /** Every header, names case-insensitive, values in order; read-only. */
    @Override
    public Map<String, List<String>> getHeaders() {
        return headers;
    }

    /** The first value of a header, or {@code null}. */
    public String firstHeader(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public Principal getUserPrincipal() {
        return userPrincipal;
    }

    @Override
    public URI getRequestURI() {
        return requestUri;
    }

    @Override
    public boolean isUserInRole(String role) {
        return userInRole.test(role);
    }

    /** The {@code jakarta.servlet.http.HttpSession}, or {@code null} when there is none. */
    @Override
    public Object getHttpSession() {
        return httpSession;
    }

    /** Parameter names to values, read-only. */
    @Override
    public Map<String, List<String>> getParameterMap() {
        return parameterMap;
    }

    /** The raw query, or {@code null}. */
    @Override
    public String getQueryString() {
        return queryString;
    }

    @Override
    public String toString() {
        return "HandshakeRequest[" + requestUri + "]";
    }

    /** Builds a {@link FreewayHandshakeRequest}; not thread-safe. */
    public static final class Builder {
        private final URI requestUri;
        private String queryString;
        private boolean queryStringSet;
        private Map<String, List<String>> headers = emptyHeaders();
        private Map<String, List<String>> parameterMap;
        private Principal userPrincipal;
        private Predicate<String> userInRole = role -> false;
        private Object httpSession;

        private Builder(URI requestUri) {
            this.requestUri = Objects.requireNonNull(requestUri, "requestUri");
        }

        /** The raw query string, or {@code null}; replaces the URI's own. */
        public Builder queryString(String rawQuery) {
            this.queryString = rawQuery;
            this.queryStringSet = true;
            return this;
        }

        /** The headers, copied; names that differ only in case are merged. */
        public Builder headers(Map<String, ? extends List<String>> headers) {
            Map<String, List<String>> merged = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (Map.Entry<String, ? extends List<String>> e : headers.entrySet()) {
                if (e.getKey() != null && e.getValue() != null) {
                    merged.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).addAll(e.getValue());
                }
            }
            this.headers = freeze(merged);
            return this;
        }

        /** The headers of an engine request, keeping the case of each name's first field. */
        public Builder headers(HttpHeaders headers) {
            Map<String, List<String>> merged = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (HttpHeaders.Field f : headers.fields()) {
                merged.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(f.value());
            }
            this.headers = freeze(merged);
            return this;
        }

        /** The parameters (for a Servlet request, {@code getParameterMap()}), copied. */
        public Builder parameterMap(Map<String, ? extends List<String>> parameters) {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            parameters.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            this.parameterMap = Collections.unmodifiableMap(copy);
            return this;
        }

        public Builder userPrincipal(Principal principal) {
            this.userPrincipal = principal;
            return this;
        }

        /** How to answer {@link #isUserInRole}; by default no role is held. */
        public Builder userInRole(Predicate<String> test) {
            this.userInRole = Objects.requireNonNull(test, "test");
            return this;
        }

        /** The {@code HttpSession}, or {@code null}. */
        public Builder httpSession(Object session) {
            this.httpSession = session;
            return this;
        }

        public FreewayHandshakeRequest build() {
            return new FreewayHandshakeRequest(this);
        }

        private static Map<String, List<String>> emptyHeaders() {
            return Collections.unmodifiableMap(new TreeMap<>(String.CASE_INSENSITIVE_ORDER));
        }

        private static Map<String, List<String>> freeze(Map<String, List<String>> merged) {
            merged.replaceAll((k, v) -> List.copyOf(v));
            return Collections.unmodifiableMap(merged);
        }
    }
}
