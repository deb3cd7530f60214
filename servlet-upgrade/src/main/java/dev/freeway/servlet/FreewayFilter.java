package dev.freeway.servlet;

import dev.freeway.container.server.EndpointRegistry;
import dev.freeway.container.FreewayServerContainer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Mapped ahead of every other filter, on every path: answers WebSocket handshakes for the paths
 * of deployed endpoints and lets everything else through untouched.
 */
final class FreewayFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    private final transient FreewayServerContainer container;
    private final transient ServletHandshake handshake;

    FreewayFilter(FreewayServerContainer container, ServletHandshake handshake) {
        this.container = container;
        this.handshake = handshake;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        if (handshake.wantsWebSocket(req)) {
            String path = rawPath(req);
            EndpointRegistry.Match match = container.match(path);
            if (match != null) {
                handshake.handshake(req, resp, match.config(), match.pathParameters());
                return;
            }
        }
        chain.doFilter(req, resp);
    }

    /** The request path inside the web application, still percent-encoded, without ;parameters. */
    static String rawPath(HttpServletRequest req) {
        String uri = req.getRequestURI();
        String context = req.getContextPath();
        String path = context != null && uri.startsWith(context) ? uri.substring(context.length()) : uri;
        if (path.indexOf(';') >= 0) {
            StringBuilder sb = new StringBuilder(path.length());
            for (String segment : path.split("/", -1)) {
                int semicolon = segment.indexOf(';');
                sb.append(semicolon >= 0 ? segment.substring(0, semicolon) : segment).append('/');
            }
            path = sb.substring(0, sb.length() - 1);
        }
        return path.isEmpty() ? "/" : path;
    }
}
