package dev.freeway.client;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * An HTTP proxy's {@code CONNECT} tunnel (RFC 9110 section 9.3.6): sends the request, reads the
 * response head, and accepts any 2xx. Non-blocking: {@link #step} does what the socket allows.
 */
final class ProxyTunnel {
    private static final int MAX_HEAD = 8 * 1024;

    private final String authority;
    private final ByteBuffer request;
    private ByteBuffer response = ByteBuffer.allocate(512);

    /** @param authority {@code host:port} of the WebSocket server, as the tunnel's target */
    ProxyTunnel(String authority) {
        this.authority = authority;
        String head = "CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n\r\n";
        this.request = ByteBuffer.wrap(head.getBytes(StandardCharsets.ISO_8859_1));
    }

    boolean wantsWrite() {
        return request.hasRemaining();
    }

    /**
     * Moves the exchange on.
     *
     * @return {@code null} while it is not done; once the proxy accepted, the bytes it sent
     *         after its response head (usually none)
     * @throws IOException when the proxy refused, closed, or answered something that is not HTTP
     */
    ByteBuffer step(SocketChannel channel) throws IOException {
        if (request.hasRemaining()) {
            channel.write(request);
            if (request.hasRemaining()) {
                return null;
            }
        }
        while (true) {
            int n = channel.read(response);
            if (n < 0) {
                throw new IOException("the proxy closed the connection before answering CONNECT " + authority);
            }
            int end = headEnd();
            if (end >= 0) {
                checkStatus(new String(response.array(), 0, end, StandardCharsets.ISO_8859_1));
                return ByteBuffer.wrap(response.array(), end, response.position() - end).slice();
            }
            if (response.hasRemaining()) {
                if (n == 0) {
                    return null;
                }
                continue;
            }
            if (response.capacity() >= MAX_HEAD) {
                throw new IOException("the proxy's response to CONNECT has a head over " + MAX_HEAD + " bytes");
            }
            ByteBuffer bigger = ByteBuffer.allocate(response.capacity() * 2);
            response = bigger.put(response.flip());
        }
    }

    /** The index just past the blank line ending the head, or -1. */
    private int headEnd() {
        byte[] a = response.array();
        for (int i = 3; i < response.position(); i++) {
            if (a[i] == '\n' && a[i - 1] == '\r' && a[i - 2] == '\n' && a[i - 3] == '\r') {
                return i + 1;
            }
        }
        return -1;
    }

    private void checkStatus(String head) throws IOException {
        String statusLine = head.lines().findFirst().orElse("");
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/") || !parts[1].matches("\\d{3}")) {
            throw new IOException("the proxy answered CONNECT " + authority + " with something that is not HTTP: '"
                    + statusLine + "'");
        }
        if (parts[1].charAt(0) != '2') {
            throw new IOException("the proxy refused CONNECT " + authority + ": " + statusLine);
        }
    }
}
