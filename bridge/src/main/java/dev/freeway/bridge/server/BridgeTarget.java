package dev.freeway.bridge.server;

import java.util.Locale;

/**
 * A TCP service a bridge connects to: a host name or address and a port.
 *
 * @param host a host name, an IPv4 address or an IPv6 address (without brackets)
 * @param port 1 to 65535
 */
public record BridgeTarget(String host, int port) {
    /** Checks the parts. */
    public BridgeTarget {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("a bridge target needs a host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("a bridge target's port must be 1 to 65535, not " + port);
        }
        host = host.toLowerCase(Locale.ROOT);
    }

    /** Parses {@code host:port} (IPv6 as {@code [::1]:port}). */
    public static BridgeTarget parse(String hostAndPort) {
        String s = hostAndPort.trim();
        int colon = s.lastIndexOf(':');
        if (colon <= 0 || colon == s.length() - 1) {
            throw new IllegalArgumentException("a bridge target is host:port, not \"" + hostAndPort + "\"");
        }
        String host = s.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            return new BridgeTarget(host, Integer.parseInt(s.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a bridge target's port is a number: \"" + hostAndPort + "\"", e);
        }
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
