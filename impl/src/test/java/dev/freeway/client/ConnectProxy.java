package dev.freeway.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny HTTP proxy for tests that understands only {@code CONNECT}: it records each request,
 * opens the tunnel (or refuses with 403 when told to) and relays bytes both ways. {@link #cut}
 * drops every tunnel without a word, as a server or network that vanishes. Blocking sockets, a
 * few threads per tunnel: it is test code.
 */
final class ConnectProxy implements AutoCloseable {
    private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    volatile boolean refuse;

    ConnectProxy() throws IOException {
        Thread acceptor = new Thread(this::acceptLoop, "connect-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** {@code 127.0.0.1:port}, for {@link FreewayClientContainer#setProxy(String)}. */
    String address() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    /** Drops every tunnel; with {@code reset}, with a TCP RST rather than a FIN. */
    void cut(boolean reset) {
        for (Socket s : sockets) {
            try {
                if (reset) {
                    s.setSoLinger(true, 0);
                }
                s.close();
            } catch (IOException e) {
                // already gone
            }
        }
        sockets.clear();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                start(() -> tunnel(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void tunnel(Socket client) {
        try {
            String head = readHead(client.getInputStream());
            requests.add(head.lines().findFirst().orElse(""));
            String[] requestLine = head.split(" ");
            OutputStream toClient = client.getOutputStream();
            if (refuse || !requestLine[0].equals("CONNECT")) {
                toClient.write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                client.close();
                return;
            }
            String authority = requestLine[1];
            int colon = authority.lastIndexOf(':');
            Socket upstream = new Socket(authority.substring(0, colon), Integer.parseInt(authority.substring(colon + 1)));
            sockets.add(upstream);
            toClient.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            start(() -> relay(upstream, client));
            relay(client, upstream);
        } catch (IOException e) {
            cutQuietly(client);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) { // byte by byte: nothing past the head may be consumed
            head.write(b);
            byte[] a = head.toByteArray();
            int n = a.length;
            if (n >= 4 && a[n - 4] == '\r' && a[n - 3] == '\n' && a[n - 2] == '\r' && a[n - 1] == '\n') {
                break;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static void relay(Socket from, Socket to) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // one side went away; the finally closes the other
        } finally {
            cutQuietly(from);
            cutQuietly(to);
        }
    }

    private static void cutQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // nothing to do
        }
    }

    private static void start(Runnable r) {
        Thread t = new Thread(r, "connect-proxy-tunnel");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
        cut(false);
    }
}
