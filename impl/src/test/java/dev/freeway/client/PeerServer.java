package dev.freeway.client;

import java.net.URI;

/** A WebSocket server the client's tests run against, serving {@link ServerEndpoints}. */
interface PeerServer extends AutoCloseable {

    /** The server's name, for test output. */
    String name();

    int port();

    /** {@code ws://127.0.0.1:port/path} (or {@code wss://} when the server has TLS). */
    default URI uri(String path) {
        return URI.create((secure() ? "wss" : "ws") + "://127.0.0.1:" + port() + path);
    }

    default boolean secure() {
        return false;
    }

    /** Stops the server; failing to stop is a test failure. */
    @Override
    void close();
}
