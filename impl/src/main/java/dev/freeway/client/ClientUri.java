package dev.freeway.client;

import jakarta.websocket.DeploymentException;

import java.net.URI;
import java.util.Locale;

/**
 * Where a client connects, read from a {@code ws://} or {@code wss://} URI (RFC 6455 section 3).
 *
 * @param secure whether the scheme is {@code wss}
 * @param host   the host name or address literal (IPv6 without brackets)
 * @param port   the port, defaulted from the scheme
 * @param target the request target: the raw path ({@code /} when empty) and query
 */
record ClientUri(URI uri, boolean secure, String host, int port, String target) {

    /**
     * @throws DeploymentException when the URI is not absolute, its scheme is not {@code ws} or
     *                             {@code wss}, it has no host, or it has a fragment
     */
    static ClientUri parse(URI uri) throws DeploymentException {
        if (uri == null || uri.getScheme() == null) {
            throw new DeploymentException("a WebSocket URI must be absolute (ws://host/path or wss://host/path), was " + uri);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss")) {
            throw new DeploymentException("the scheme of " + uri + " must be ws or wss");
        }
        if (uri.getHost() == null) {
            throw new DeploymentException(uri + " has no host");
        }
        if (uri.getRawFragment() != null) {
            throw new DeploymentException(uri + " has a fragment, which WebSocket URIs may not have (RFC 6455 section 3)");
        }
        boolean secure = scheme.equals("wss");
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : secure ? 443 : 80;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        return new ClientUri(uri, secure, host, port, target);
    }

    /** {@code host:port}, with brackets around an IPv6 literal: the CONNECT target. */
    String authority() {
        return bracketed() + ":" + port;
    }

    /** The Host header: the port only when it is not the scheme's default. */
    String hostHeader() {
        return port == (secure ? 443 : 80) ? bracketed() : authority();
    }

    /** Whether the host is an IP address literal (no SNI, certificates match IP addresses). */
    boolean isIpLiteral() {
        return host.indexOf(':') >= 0 || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    private String bracketed() {
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }
}
