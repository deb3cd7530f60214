package dev.freeway.benchmarks.load.server;

/** Starts one server under test on 127.0.0.1, serving the endpoints at {@code /echo} and {@code /hash} and {@code /status}. */
public interface ServerLauncher {

    /** Starts the server; returns the port it listens on ({@code port}, or the one taken for 0). */
    int start(int port) throws Exception;

    /** The port of {@code GET /status} once started, when it is not the WebSocket port; -1 when it is. */
    default int statusPort() {
        return -1;
    }
}
