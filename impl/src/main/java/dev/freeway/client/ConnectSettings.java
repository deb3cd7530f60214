package dev.freeway.client;

import java.net.InetSocketAddress;
import javax.net.ssl.SSLContext;

/**
 * A container's connection settings, as one connection attempt reads them.
 *
 * @param connectTimeoutMillis   how long the TCP connect (to the server or proxy) may take
 * @param handshakeTimeoutMillis how long everything after it may take: the proxy tunnel, TLS and
 *                               the WebSocket handshake up to the server's 101
 * @param sslContext             for {@code wss}, unless the endpoint's config names one; {@code null}
 *                               for the JDK's default (its default trust store)
 * @param verifyHostnames        whether a server certificate must name the host (on by default)
 * @param proxy                  an HTTP proxy to tunnel through with CONNECT (unresolved), or {@code null}
 */
record ConnectSettings(long connectTimeoutMillis, long handshakeTimeoutMillis, SSLContext sslContext,
                       boolean verifyHostnames, InetSocketAddress proxy) {
}
