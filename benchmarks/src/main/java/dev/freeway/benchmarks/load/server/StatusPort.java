package dev.freeway.benchmarks.load.server;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /status} on a port of its own, for the servers that have no HTTP routing to put it
 * beside {@code /echo} (Tyrus's stand-alone Grizzly server, the ceiling). The JDK's HTTP server
 * adds one dispatcher thread, which the idle scenario's thread counts include.
 */
final class StatusPort {
    private StatusPort() {
    }

    /** Starts it on 127.0.0.1 and an ephemeral port; returns the port. */
    static int start() throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        http.createContext("/status", exchange -> {
            byte[] body = ServerStatus.line().getBytes(StandardCharsets.US_ASCII);
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        http.start();
        return http.getAddress().getPort();
    }
}
