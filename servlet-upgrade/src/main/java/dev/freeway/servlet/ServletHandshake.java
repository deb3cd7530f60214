package dev.freeway.servlet;

import dev.freeway.container.FreewayHandshakeRequest;
import dev.freeway.container.FreewayServerContainer;
import dev.freeway.container.HandshakeOutcome;
import dev.freeway.container.PreparedSession;
import dev.freeway.engine.HttpHeaders;
import dev.freeway.engine.RejectConnection;
import dev.freeway.engine.RemoteProtocolError;
import dev.freeway.engine.Request;
import dev.freeway.engine.ServerHandshake;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.server.ServerEndpointConfig;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The opening handshake over a Servlet request: the engine checks the request, the container
 * runs the endpoint's configurator, and then the response becomes either a 101 with an upgrade
 * that hands the connection to the session (see {@link ConnectionUpgrades}), or a rejection with a readable plain-text body.
 */
final class ServletHandshake {
    private final FreewayServerContainer container;
    private final ReadArrayPool pool;
    private final ConnectionUpgrades upgrades;
    private final OriginPolicy origins;

    ServletHandshake(FreewayServerContainer container, ReadArrayPool pool, ConnectionUpgrades upgrades, OriginPolicy origins) {
        this.container = container;
        this.pool = pool;
        this.upgrades = upgrades;
        this.origins = origins;
    }

    /** Whether {@code request} asks to become a WebSocket ({@code Upgrade: websocket}). */
    static boolean wantsWebSocket(HttpServletRequest request) {
        for (String value : Collections.list(request.getHeaders("Upgrade"))) {
            for (String token : value.split(",")) {
                if (token.trim().equalsIgnoreCase("websocket")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Answers the handshake for {@code config}; the response is committed either way. */
    void handshake(HttpServletRequest req, HttpServletResponse resp, ServerEndpointConfig config,
                   Map<String, String> pathParameters) throws IOException, ServletException {
        HttpHeaders headers = headersOf(req);
        String query = req.getQueryString();
        String target = req.getRequestURI() + (query == null ? "" : "?" + query);
        Request request;
        try {
            request = ServerHandshake.validate(req.getMethod(), target, req.getProtocol(), headers);
        } catch (RemoteProtocolError e) {
            reject(resp, e.rejection(), e.getMessage());
            return;
        }
        // Before the configurator: the application's own checks never see a refused origin.
        String refusal = origins.refusal(req.getHeader("Origin"), requestedOrigin(req));
        if (refusal != null) {
            reply(resp, HttpServletResponse.SC_FORBIDDEN, HttpHeaders.builder().build(), refusal);
            return;
        }
        FreewayHandshakeRequest handshakeRequest = FreewayHandshakeRequest.builder(webSocketUri(req))
                .headers(headers)
                .parameterMap(parameters(req))
                .userPrincipal(req.getUserPrincipal())
                .userInRole(req::isUserInRole)
                .httpSession(req.getSession(false))
                .build();
        Object prepared = container.prepare(request, config, pathParameters, handshakeRequest);
        if (prepared instanceof HandshakeOutcome.Rejected) {
            HandshakeOutcome.Rejected r = (HandshakeOutcome.Rejected) prepared;
            reject(resp, r.rejection(), r.message());
            return;
        }
        PreparedSession session = (PreparedSession) prepared;
        HttpHeaders accept = ServerHandshake.acceptHeaders(request, session.accepted().accept());
        resp.setStatus(HttpServletResponse.SC_SWITCHING_PROTOCOLS);
        container.metrics().handshake(HttpServletResponse.SC_SWITCHING_PROTOCOLS);
        for (HttpHeaders.Field f : accept.fields()) {
            resp.addHeader(f.name(), f.value());
        }
        UpgradeContext context = new UpgradeContext(container, pool, session, req.isSecure(),
                InetSocketAddress.createUnresolved(req.getRemoteAddr(), req.getRemotePort()),
                InetSocketAddress.createUnresolved(req.getLocalAddr(), req.getLocalPort()));
        try {
            upgrades.upgrade(req, context);
        } catch (IOException | ServletException | RuntimeException e) {
            session.discard(); // no session will ever use the endpoint instance
            throw e;
        }
    }

    private void reject(HttpServletResponse resp, RejectConnection rejection, String message) throws IOException {
        reply(resp, rejection.status(), rejection.headers(), message);
    }

    /** Every refusal goes through here, so each is counted once, with its status. */
    private void reply(HttpServletResponse resp, int status, HttpHeaders headers, String message) throws IOException {
        container.metrics().handshake(status);
        resp.setStatus(status);
        for (HttpHeaders.Field f : headers.fields()) {
            if (!f.name().equalsIgnoreCase("Content-Type")) {
                resp.addHeader(f.name(), f.value());
            }
        }
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        resp.setContentType("text/plain;charset=UTF-8");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }

    /** The origin the browser sent the request to: its scheme and the Host it asked for. */
    private static String requestedOrigin(HttpServletRequest req) {
        String host = req.getHeader("Host");
        if (host == null || host.isBlank()) {
            host = req.getServerName() + ":" + req.getServerPort();
        }
        return (req.isSecure() ? "https://" : "http://") + host.trim();
    }

    private static HttpHeaders headersOf(HttpServletRequest req) {
        HttpHeaders.Builder b = HttpHeaders.builder();
        for (String name : Collections.list(req.getHeaderNames())) {
            for (String value : Collections.list(req.getHeaders(name))) {
                b.add(name, value);
            }
        }
        return b.build();
    }

    private static Map<String, List<String>> parameters(HttpServletRequest req) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        req.getParameterMap().forEach((k, v) -> out.put(k, List.copyOf(Arrays.asList(v))));
        return out;
    }

    private static URI webSocketUri(HttpServletRequest req) {
        String url = req.getRequestURL().toString();
        String ws = url.startsWith("https:") ? "wss:" + url.substring(6) : url.startsWith("http:") ? "ws:" + url.substring(5) : url;
        String query = req.getQueryString();
        return URI.create(query == null ? ws : ws + "?" + query);
    }
}
