package dev.freeway.servlet;

import dev.freeway.container.FreewayServerContainer;
import dev.freeway.container.server.FreewayHandshakeRequest;
import dev.freeway.container.server.HandshakeOutcome;
import dev.freeway.container.server.PreparedSession;
import dev.freeway.engine.Http2ServerHandshake;
import dev.freeway.engine.HttpHeaders;
import dev.freeway.engine.RejectConnection;
import dev.freeway.engine.RemoteProtocolError;
import dev.freeway.engine.Request;
import dev.freeway.engine.ServerHandshake;
import dev.freeway.servlet.upgrade.ReadArrayPool;
import dev.freeway.servlet.upgrade.UpgradeContext;
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
 * An HTTP/2 extended CONNECT (RFC 8441) takes the same path with the engine's
 * {@link Http2ServerHandshake} in place of {@link ServerHandshake}: configurators,
 * {@code modifyHandshake}, subprotocols, extensions and limits are the same code; the response is a
 * 200 and the stream becomes the session's connection.
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

    /**
     * Whether {@code request} asks to become a WebSocket: an HTTP/1.1 {@code Upgrade: websocket}, or
     * an HTTP/2 extended CONNECT with a {@code :protocol} (RFC 8441) that this container lets Freeway
     * take over. Any {@code :protocol} counts, so that a wrong one gets the handshake's 400 rather
     * than the 501 a servlet gives CONNECT.
     */
    boolean wantsWebSocket(HttpServletRequest request) {
        return asksUpgrade(request) || upgrades.tunnelProtocol(request) != null;
    }

    /** Whether {@code request} has {@code Upgrade: websocket}. */
    private static boolean asksUpgrade(HttpServletRequest request) {
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
        String tunnelProtocol = "CONNECT".equals(req.getMethod()) ? upgrades.tunnelProtocol(req) : null;
        boolean overHttp2 = tunnelProtocol != null;
        Request request;
        try {
            request = overHttp2
                    ? Http2ServerHandshake.validate(req.getMethod(), tunnelProtocol, authority(req), target, headers)
                    : ServerHandshake.validate(req.getMethod(), target, req.getProtocol(), headers);
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
        HttpHeaders accept = overHttp2
                ? Http2ServerHandshake.acceptHeaders(request, session.accepted().accept())
                : ServerHandshake.acceptHeaders(request, session.accepted().accept());
        int status = overHttp2 ? Http2ServerHandshake.ACCEPT_STATUS : HttpServletResponse.SC_SWITCHING_PROTOCOLS;
        resp.setStatus(status);
        container.metrics().handshake(status);
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

    /** The origin the browser sent the request to: its scheme and the authority it asked for. */
    private static String requestedOrigin(HttpServletRequest req) {
        return (req.isSecure() ? "https://" : "http://") + authority(req).trim();
    }

    /**
     * The {@code :authority} of an HTTP/2 request, as the Servlet API gives it (Host for HTTP/1.1);
     * the server's name and port when the request named none.
     */
    private static String authority(HttpServletRequest req) {
        String host = req.getHeader("Host");
        if (host != null && !host.isBlank()) {
            return host;
        }
        int port = req.getServerPort();
        return port > 0 ? req.getServerName() + ":" + port : req.getServerName();
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
