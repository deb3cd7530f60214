package dev.freeway.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client over a plain socket, for what the independent clients cannot do: a handshake
 * without {@code Content-Length} with frames in the same packet, bytes counted as they go out, a
 * client that vanishes without a close frame.
 */
public final class RawClient implements AutoCloseable {
    static final int TEXT = 1;
    public static final int BINARY = 2;
    public static final int CLOSE = 8;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    /** One frame as received. */
    public record Frame(int opcode, boolean fin, byte[] payload) {
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        public int closeCode() {
            return (payload[0] & 0xff) << 8 | payload[1] & 0xff;
        }
    }

    private RawClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /**
     * Sends a handshake without {@code Content-Length} for {@code path}, with {@code early} (frames)
     * in the same write, and reads the 101.
     */
    public static RawClient connect(int port, String path, byte[] early) throws IOException {
        return connect(port, path, early, "");
    }

    /** As {@link #connect(int, String, byte[])}, with {@code extraHeaders} (each ending in CRLF) in the head. */
    public static RawClient connect(int port, String path, byte[] early, String extraHeaders) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        socket.setSoTimeout(20_000);
        RawClient client = new RawClient(socket);
        String key = Base64.getEncoder().encodeToString("freeway-raw-key!".getBytes(StandardCharsets.US_ASCII));
        String head = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n" + extraHeaders + "\r\n";
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        first.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        first.writeBytes(early);
        client.out.write(first.toByteArray());
        client.out.flush();
        String response = client.readHead();
        assertThat(response).as("the handshake's response").startsWith("HTTP/1.1 101");
        return client;
    }

    private String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            head.write(in.readUnsignedByte());
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** A masked frame, as a client must send it. */
    public static byte[] frame(int opcode, boolean fin, byte[] payload) {
        ByteArrayOutputStream f = new ByteArrayOutputStream(payload.length + 14);
        f.write((fin ? 0x80 : 0) | opcode);
        if (payload.length < 126) {
            f.write(0x80 | payload.length);
        } else if (payload.length < 65536) {
            f.write(0x80 | 126);
            f.write(payload.length >>> 8);
            f.write(payload.length);
        } else {
            f.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                f.write((int) ((long) payload.length >>> shift));
            }
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        f.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) {
            f.write(payload[i] ^ mask[i & 3]);
        }
        return f.toByteArray();
    }

    public static byte[] textFrame(String text) {
        return frame(TEXT, true, text.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] closeFrame(int code) {
        return frame(CLOSE, true, new byte[] {(byte) (code >>> 8), (byte) code});
    }

    public void send(byte[] frames) throws IOException {
        out.write(frames);
        out.flush();
    }

    public Frame read() throws IOException {
        int b0 = in.readUnsignedByte();
        int b1 = in.readUnsignedByte();
        assertThat(b1 & 0x80).as("server frames are not masked").isZero();
        long length = b1 & 0x7f;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[Math.toIntExact(length)];
        in.readFully(payload);
        return new Frame(b0 & 0x0f, (b0 & 0x80) != 0, payload);
    }

    /** Reads until the server closes the TCP connection; true if it did (rather than a timeout). */
    public boolean serverClosesConnection() throws IOException {
        return in.read() == -1;
    }

    /** Drops the connection with a reset, no close frame: the client vanishes. */
    public void vanish() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
