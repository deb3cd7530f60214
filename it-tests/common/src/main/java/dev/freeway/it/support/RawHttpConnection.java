package dev.freeway.it.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An HTTP/1.1 connection over a plain socket, for tests that must control every byte: upgrade
 * requests, malformed handshakes, raw frames after a 101. Nothing is interpreted beyond the
 * response head; after it, {@link #input()} and {@link #output()} are the raw socket streams.
 *
 * <p>Reads time out (10 s by default) so that a server that does not answer fails the test instead
 * of hanging the build.
 */
public final class RawHttpConnection implements AutoCloseable {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String hostHeader;

    private RawHttpConnection(Socket socket, String hostHeader) throws IOException {
        this.socket = socket;
        // buffered: the head is read byte by byte; bytes after it stay in the buffer for input()
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        this.hostHeader = hostHeader;
    }

    /**
     * Connects to the host and port of a URL (typically the {@code @ArquillianResource} URL).
     *
     * @param base any URL of the server
     * @return the open connection
     * @throws IOException when the server cannot be reached
     */
    public static RawHttpConnection open(URL base) throws IOException {
        return open(base, 0);
    }

    /**
     * Connects with a small socket receive buffer, for a client that must stop reading and have the
     * server notice soon: the kernel then buffers little on this side.
     *
     * @param base any URL of the server
     * @param receiveBufferSize the {@code SO_RCVBUF} to ask for before connecting; 0 for the default
     * @return the open connection
     * @throws IOException when the server cannot be reached
     */
    public static RawHttpConnection open(URL base, int receiveBufferSize) throws IOException {
        int port = base.getPort() == -1 ? base.getDefaultPort() : base.getPort();
        Socket socket = new Socket();
        if (receiveBufferSize > 0) {
            // before connect: the window scale is agreed in the SYN
            socket.setReceiveBufferSize(receiveBufferSize);
        }
        socket.connect(new InetSocketAddress(base.getHost(), port), (int) DEFAULT_TIMEOUT.toMillis());
        socket.setSoTimeout((int) DEFAULT_TIMEOUT.toMillis());
        socket.setTcpNoDelay(true);
        return new RawHttpConnection(socket, base.getHost() + ":" + port);
    }

    /** @return the value for a {@code Host} header that names this connection's server */
    public String hostHeader() {
        return hostHeader;
    }

    /**
     * Sets how long a read may block.
     *
     * @param timeout the read timeout; zero waits forever, which tests should not do
     * @return this connection
     * @throws IOException when the socket refuses the option
     */
    public RawHttpConnection readTimeout(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        return this;
    }

    /**
     * Sends a request head: the request line, the headers, then an empty line. A {@code Host} header
     * is added unless one is given.
     *
     * @param requestLine e.g. {@code GET /ctx/echo HTTP/1.1}
     * @param headers header lines such as {@code Upgrade: echo}
     * @throws IOException when the socket fails
     */
    public void sendHead(String requestLine, String... headers) throws IOException {
        StringBuilder head = new StringBuilder(requestLine).append("\r\n");
        boolean hasHost = false;
        for (String header : headers) {
            hasHost |= header.regionMatches(true, 0, "Host:", 0, 5);
            head.append(header).append("\r\n");
        }
        if (!hasHost) {
            head.append("Host: ").append(hostHeader).append("\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /**
     * Reads a response head up to and including the empty line; the body, or the upgraded
     * protocol's bytes, stay unread in {@link #input()}.
     *
     * @return the parsed status line and headers
     * @throws IOException when the socket fails, times out, or closes before the head ends
     */
    public ResponseHead readHead() throws IOException {
        String statusLine = readLine();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP status line: " + statusLine);
        }
        List<String> headers = new ArrayList<>();
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            headers.add(line);
        }
        return new ResponseHead(statusLine, Integer.parseInt(parts[1]), List.copyOf(headers));
    }

    /**
     * Reads exactly {@code length} bytes.
     *
     * @param length how many bytes
     * @return the bytes
     * @throws IOException when the socket fails, times out, or closes first
     */
    public byte[] readExactly(int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new EOFException("connection closed after " + bytes.length + " of " + length + " bytes");
        }
        return bytes;
    }

    /** @return the socket's input, positioned after what has been read so far */
    public InputStream input() {
        return in;
    }

    /** @return the socket's output */
    public OutputStream output() {
        return out;
    }

    /**
     * Half-closes the connection: the server reads end-of-stream, and may still answer.
     *
     * @throws IOException when the socket fails
     */
    public void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /**
     * Drops the connection with a TCP reset (RST), as a crashed peer or a middlebox does, rather
     * than a FIN.
     *
     * @throws IOException when the socket fails
     */
    public void reset() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b == -1) {
                throw new EOFException("connection closed inside the response head");
            }
            line.write(b);
        }
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
    }

    /**
     * A response's status line and header lines, as received.
     *
     * @param statusLine the first line, e.g. {@code HTTP/1.1 101 Switching Protocols}
     * @param status the status code
     * @param headers the header lines in order, unparsed
     */
    public record ResponseHead(String statusLine, int status, List<String> headers) {

        /**
         * Returns the value of the first header with the given name, ignoring case.
         *
         * @param name the header name
         * @return the trimmed value, or empty when the header is absent
         */
        public Optional<String> header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headers.stream()
                    .filter(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(line -> line.substring(prefix.length()).trim())
                    .findFirst();
        }
    }
}
