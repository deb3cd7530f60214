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

    @Override
    public void close() throws IOException {
        for (Socket s : queued) {
            s.close();
        }
        listener.close();
    }
}
