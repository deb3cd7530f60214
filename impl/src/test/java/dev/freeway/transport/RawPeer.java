package dev.freeway.transport;

import dev.freeway.engine.Close;
import dev.freeway.engine.Connection;
import dev.freeway.engine.Data;
import dev.freeway.engine.EngineConfig;
import dev.freeway.engine.Event;
import dev.freeway.engine.RemoteProtocolError;
import dev.freeway.engine.Role;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The far end of a transport under contract test: a byte stream (a plain socket, or an HTTP/2
 * stream) with a real engine to read and write frames, whose reading the test controls (it reads
 * only when asked, so a peer that stops reading is one the test does not ask), and which can reset
 * the connection mid-write.
 */
public final class RawPeer implements AutoCloseable {
    /** Small, so a peer that stops reading holds the sender back after little data. */
    private static final int RECEIVE_BUFFER = 8 * 1024;

    /**
     * What carries the WebSocket's bytes: reading from {@link #in()} only when the test reads, so
     * that a peer the test does not read from holds the sender back, as flow control does.
     */
    public interface Wire extends AutoCloseable {
        InputStream in() throws IOException;

        OutputStream out() throws IOException;

        /** Ends what this end sends (TCP FIN, HTTP/2 END_STREAM) and goes on reading. */
        void halfClose() throws IOException;

        /** Ends the connection abruptly (TCP RST, HTTP/2 RST_STREAM): whatever the other end writes fails. */
        void reset() throws IOException;

        @Override
        void close() throws IOException;
    }

    private final Wire wire;
    private final InputStream in;
    private final OutputStream out;
    private final Connection engine;
    private final byte[] chunk = new byte[16 * 1024];

    private RawPeer(Wire wire, Role role) throws IOException {
        this.wire = wire;
        this.in = wire.in();
        this.out = wire.out();
        EngineConfig config = EngineConfig.builder().autoPong(false).autoCloseReply(false)
                .maxFrameSize(1L << 30).maxMessageSize(1L << 30).build();
        this.engine = Connection.established(role, config, List.of());
    }

    /** A client-side peer over a wire whose opening handshake is done (an RFC 8441 stream, say). */
    public static RawPeer client(Wire wire) throws IOException {
        return new RawPeer(wire, Role.CLIENT);
    }

    /** A TCP connection as a {@link Wire}. */
    private record SocketWire(Socket socket) implements Wire {
        @Override
        public InputStream in() throws IOException {
            return socket.getInputStream();
        }

        @Override
        public OutputStream out() throws IOException {
            return socket.getOutputStream();
        }

        @Override
        public void halfClose() throws IOException {
            socket.shutdownOutput();
        }

        @Override
        public void reset() throws IOException {
            socket.setSoLinger(true, 0);
            socket.close();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** Connects to a server at {@code port} and opens a WebSocket at {@code path}. */
    public static RawPeer connect(int port, String path) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(RECEIVE_BUFFER);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        socket.setSoTimeout(20_000);
        String key = Base64.getEncoder().encodeToString("freeway-contract".getBytes(StandardCharsets.US_ASCII));
        // Content-Length: 0, which Jetty's Servlet upgrade needs to go on reading
        String head = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n"
                + "Content-Length: 0\r\n\r\n";
        socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
        String response = readHead(socket.getInputStream());
        if (!response.startsWith("HTTP/1.1 101")) {
            socket.close();
            throw new IOException("no upgrade: " + response);
        }
        return new RawPeer(new SocketWire(socket), Role.CLIENT);
    }

    /** Accepts one connection on {@code server} and answers its opening handshake with a 101. */
    public static RawPeer accept(ServerSocket server) throws IOException {
        Socket socket = server.accept();
        socket.setSoTimeout(20_000);
        String request = readHead(socket.getInputStream());
        Matcher key = Pattern.compile("(?im)^Sec-WebSocket-Key:\\s*(\\S+)").matcher(request);
        if (!key.find()) {
            socket.close();
            throw new IOException("not a WebSocket handshake: " + request);
        }
        String response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept(key.group(1)) + "\r\n\r\n";
        socket.getOutputStream().write(response.getBytes(StandardCharsets.US_ASCII));
        return new RawPeer(new SocketWire(socket), Role.SERVER);
    }

    /** A server socket whose accepted connections have a small receive buffer. */
    public static ServerSocket listen() throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReceiveBufferSize(RECEIVE_BUFFER);
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        return server;
    }

    /** The next whole data message (binary or text, as bytes); control frames other than close are skipped. */
    public byte[] readMessage() throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        while (true) {
            Event e = nextEvent();
            if (e instanceof Data d) {
                ByteBuffer p = d.payload();
                byte[] bytes = new byte[p.remaining()];
                p.get(bytes);
                message.writeBytes(bytes);
                if (d.messageFinished()) {
                    return message.toByteArray();
                }
            } else if (e instanceof Close c) {
                throw new EOFException("a close frame (" + c.code() + " " + c.reason() + ") instead of a message");
            }
        }
    }

    /** The next close frame, skipping data. */
    public Close readClose() throws IOException {
        while (true) {
            if (nextEvent() instanceof Close c) {
                return c;
            }
        }
    }

    /** Whether the other end ended the connection (after whatever it sent), within the read timeout. */
    public boolean readsEndOfStream() throws IOException {
        try {
            while (true) {
                int n = in.read(chunk);
                if (n < 0) {
                    return true;
                }
            }
        } catch (java.net.SocketException | EOFException e) {
            return true; // a reset after the close is an end too
        }
    }

    /** Sends a close frame with {@code code}. */
    public void sendClose(int code) throws IOException {
        for (ByteBuffer b : engine.send(new Close(code))) {
            byte[] bytes = new byte[b.remaining()];
            b.get(bytes);
            out.write(bytes);
        }
        out.flush();
    }

    /**
     * Ends what this peer sends (FIN) and goes on reading, as a peer does that half-closes the TCP
     * connection right behind its close frame.
     */
    public void halfClose() throws IOException {
        wire.halfClose();
    }

    /** Resets the connection (RST, not FIN): whatever the other end is writing fails. */
    public void reset() throws IOException {
        wire.reset();
    }

    @Override
    public void close() throws IOException {
        wire.close();
    }

    private Event nextEvent() throws IOException {
        while (true) {
            Event e;
            try {
                e = engine.nextEvent();
            } catch (RemoteProtocolError err) {
                throw new IOException("the other end broke the protocol", err);
            }
            if (e != null) {
                return e;
            }
            int n = in.read(chunk);
            if (n < 0) {
                throw new EOFException("the connection ended");
            }
            engine.receive(ByteBuffer.wrap(chunk, 0, n).slice());
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the connection ended in the handshake: " + head);
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static String accept(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1")
                    .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
