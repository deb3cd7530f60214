package dev.freeway.bridge;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP service on a loopback port for the bridge to reach, one thread per accepted socket
 * (a handful in a test). What it does with a socket is the test's {@link Behaviour}.
 */
public final class TcpService implements AutoCloseable {
    /** What the service does with one accepted socket. */
    @FunctionalInterface
    public interface Behaviour {
        void serve(Socket socket) throws IOException;
    }

    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private TcpService(Behaviour behaviour, int receiveBuffer) throws IOException {
        server = new ServerSocket();
        if (receiveBuffer > 0) {
            server.setReceiveBufferSize(receiveBuffer); // inherited by accepted sockets
        }
        server.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        acceptor = new Thread(() -> accept(behaviour), "tcp-service-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A service doing {@code behaviour} with every connection. */
    public static TcpService start(Behaviour behaviour) throws IOException {
        return new TcpService(behaviour, 0);
    }

    /** As {@link #start}, with small socket buffers, so what waits in the kernel stays small. */
    public static TcpService startSmallBuffers(Behaviour behaviour, int bufferSize) throws IOException {
        return new TcpService(behaviour, bufferSize);
    }

    /** Bytes in, the same bytes out, until the peer's end. */
    public static Behaviour echo() {
        return s -> {
            try (Socket socket = s;
                 InputStream in = socket.getInputStream();
                 OutputStream out = socket.getOutputStream()) {
                in.transferTo(out);
            }
        };
    }

    private void accept(Behaviour behaviour) {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                sockets.add(s);
                Thread t = new Thread(() -> {
                    try {
                        behaviour.serve(s);
                    } catch (IOException e) {
                        // the peer went: the test sees that from its side
                    }
                }, "tcp-service-conn-" + s.getPort());
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** {@code 127.0.0.1:port}. */
    public String hostAndPort() {
        return "127.0.0.1:" + port();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
