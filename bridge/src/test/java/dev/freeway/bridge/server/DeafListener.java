package dev.freeway.bridge.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback listener that never accepts, its backlog already full: Linux drops further SYNs, so
 * a connect to it neither succeeds nor fails until the connector gives up. A hanging connect
 * without leaving the loopback interface.
 */
final class DeafListener implements AutoCloseable {
    private final ServerSocket listener;
    private final List<Socket> queued = new ArrayList<>();

    DeafListener() throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        for (int i = 0; i < 3; i++) {
            Socket s = new Socket();
            queued.add(s);
            try {
                s.connect(listener.getLocalSocketAddress(), 200);
            } catch (IOException e) {
                // the backlog is full already: what we want
            }
        }
    }

    int port() {
        return listener.getLocalPort();
    }

    /**
     * Starts hearing: drops the sockets that filled the backlog, so the connects waiting on it
     * get through at their next SYN (Linux retries after about a second), and accepts until one
     * sends something; returns all that one sent up to its end.
     */
    byte[] acceptFirstSender(int timeoutMillis) throws IOException {
        for (Socket s : queued) {
            s.close();
        }
        listener.setSoTimeout(timeoutMillis);
        while (true) {
            try (Socket accepted = listener.accept()) {
                accepted.setSoTimeout(timeoutMillis);
                byte[] sent = accepted.getInputStream().readAllBytes();
                if (sent.length > 0) {
                    return sent;
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        for (Socket s : queued) {
            s.close();
        }
        listener.close();
    }
}
