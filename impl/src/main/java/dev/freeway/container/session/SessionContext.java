package dev.freeway.container.session;

import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Extension;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;

import java.net.URI;
import java.security.Principal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a session knows of how it was opened: the request, the negotiation's outcome, and where
 * it belongs. Filled by the transport side (Servlet upgrade, client) when the handshake succeeds.
 *
 * @param id                  the session id, unique within the container
 * @param container           the container the session belongs to
 * @param config              the endpoint configuration
 * @param requestUri          the request URI (with query)
 * @param queryString         the query, or {@code null}
 * @param requestParameters   the query parameters
 * @param pathParameters      the values of the path template's variables
 * @param userPrincipal       the authenticated user, or {@code null}
 * @param subprotocol         the agreed subprotocol, or {@code ""}
 * @param extensions          the agreed extensions
 * @param secure              whether the connection is encrypted
 * @param peers               the open sessions of the same endpoint, this one included once open
 */
public record SessionContext(String id, WebSocketContainer container, EndpointConfig config, URI requestUri,
                             String queryString, Map<String, List<String>> requestParameters,
                             Map<String, String> pathParameters, Principal userPrincipal, String subprotocol,
                             List<Extension> extensions, boolean secure, Set<Session> peers) {
    public SessionContext {
        requestParameters = ordered(requestParameters);
        pathParameters = ordered(pathParameters);
        subprotocol = subprotocol == null ? "" : subprotocol;
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
    }

    /**
     * An unmodifiable copy in the given order. Not {@code Map.copyOf}: its iteration order changes
     * from one JVM launch to the next, and the application sees this order (path parameters in the
     * template's order, TCK session getPathParametersTest).
     */
    private static <V> Map<String, V> ordered(Map<String, V> map) {
        return map == null || map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
