package dev.freeway.it.support;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A WebSocket client small enough to trust, over a {@link RawHttpConnection}: an RFC 6455 opening
 * handshake with headers the test chooses, and single frames written and read as bytes. It is
 * independent of Freeway on purpose, and has no extensions, no fragmentation logic and no
 * validation beyond the handshake's accept key: tests check what they receive.
 */
public final class RawWebSocket implements AutoCloseable {

    /** Opcodes of RFC 6455, section 5.2. */
    public static final int TEXT = 0x1;
    public static final int BINARY = 0x2;
    public static final int CLOSE = 0x8;
    public static final int PING = 0x9;
    public static final int PONG = 0xA;

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RawHttpConnection connection;
    private final RawHttpConnection.ResponseHead handshakeResponse;

    private RawWebSocket(RawHttpConnection connection, RawHttpConnection.ResponseHead handshakeResponse) {
        this.connection = connection;
        this.handshakeResponse = handshakeResponse;
    }

    /**
     * Opens a connection and performs the opening handshake.
     *
     * @param base the web application's URL (the {@code @ArquillianResource} URL)
     * @param path the endpoint path relative to it, e.g. {@code echo}
     * @param extraHeaders further request header lines, e.g. {@code Sec-WebSocket-Protocol: chat}
     * @return the open WebSocket
     * @throws IOException when the server does not answer 101 with the right accept key
     */
    public static RawWebSocket connect(URL base, String path, String... extraHeaders) throws IOException {
        return connect(RawHttpConnection.open(base), base, path, extraHeaders);
    }

    /**
     * Performs the opening handshake on a connection the test opened itself (with a small receive
     * buffer, say); the connection is closed if the handshake fails.
     *
     * @param connection a fresh connection to the server of {@code base}
     * @param base the web application's URL (the {@code @ArquillianResource} URL)
     * @param path the endpoint path relative to it, e.g. {@code echo}
     * @param extraHeaders further request header lines, e.g. {@code Content-Length: 0}
     * @return the open WebSocket
     * @throws IOException when the server does not answer 101 with the right accept key
     */
    public static RawWebSocket connect(RawHttpConnection connection, URL base, String path, String... extraHeaders)
            throws IOException {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String key = Base64.getEncoder().encodeToString(nonce);
        List<String> headers = new ArrayList<>(List.of("Upgrade: websocket", "Connection: Upgrade",
                "Sec-WebSocket-Key: " + key, "Sec-WebSocket-Version: 13"));
        headers.addAll(List.of(extraHeaders));

        try {
            connection.sendHead("GET " + base.getPath() + path + " HTTP/1.1", headers.toArray(String[]::new));
            RawHttpConnection.ResponseHead head = connection.readHead();
            if (head.status() != 101) {
                throw new IOException("handshake refused: " + head.statusLine() + " " + head.headers());
            }
            String accept = head.header("Sec-WebSocket-Accept").orElse("");
            if (!accept.equals(acceptKey(key))) {
                throw new IOException("wrong Sec-WebSocket-Accept: " + accept);
            }
            return new RawWebSocket(connection, head);
        } catch (IOException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** @return the server's 101 response */
    public RawHttpConnection.ResponseHead handshakeResponse() {
        return handshakeResponse;
    }

    /** @return the underlying connection, for writing malformed bytes or half-closing */
    public RawHttpConnection connection() {
        return connection;
    }

    /**
     * Sends one masked text frame with FIN set.
     *
     * @param text the payload
     * @throws IOException when the socket fails
     */
    public void sendText(String text) throws IOException {
        send(true, TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends one masked close frame.
     *
     * @param code the close code
     * @param reason the reason, short enough for a control frame
     * @throws IOException when the socket fails
     */
    public void sendClose(int code, String reason) throws IOException {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        send(true, CLOSE, ByteBuffer.allocate(2 + text.length).putShort((short) code).put(text).array());
    }

    /**
     * Sends one masked frame, as a client must.
     *
     * @param fin whether this is the final frame of its message
     * @param opcode the opcode
     * @param payload the unmasked payload
     * @throws IOException when the socket fails
     */
    public void send(boolean fin, int opcode, byte[] payload) throws IOException {
        sendBytes(encode(fin, 0, opcode, payload, true));
    }

    /**
     * Writes bytes as they are: a frame from {@link #encode}, part of one, or garbage.
     *
     * @param bytes what to write
     * @throws IOException when the socket fails
     */
    public void sendBytes(byte[] bytes) throws IOException {
        connection.output().write(bytes);
        connection.output().flush();
    }

    /**
     * Encodes one frame.
     *
     * @param fin whether this is the final frame of its message
     * @param rsv the three RSV bits, RSV1 highest (4 marks a permessage-deflate message)
     * @param opcode the opcode
     * @param payload the unmasked payload
     * @param masked whether to mask it with a random key, as a client must
     * @return the frame's bytes
     */
    public static byte[] encode(boolean fin, int rsv, int opcode, byte[] payload, boolean masked) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
        frame.write((fin ? 0x80 : 0) | (rsv & 7) << 4 | opcode);
        int maskBit = masked ? 0x80 : 0;
        if (payload.length < 126) {
            frame.write(maskBit | payload.length);
        } else if (payload.length < 65536) {
            frame.write(maskBit | 126);
            frame.writeBytes(ByteBuffer.allocate(2).putShort((short) payload.length).array());
        } else {
            frame.write(maskBit | 127);
            frame.writeBytes(ByteBuffer.allocate(8).putLong(payload.length).array());
        }
        byte[] mask = new byte[4];
        if (masked) {
            RANDOM.nextBytes(mask);
            frame.writeBytes(mask);
        }
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i & 3]);
        }
        return frame.toByteArray();
    }

    /**
     * Reads one frame from the server.
     *
     * @return the frame, its payload unmasked if the server (wrongly) masked it
     * @throws IOException when the socket fails, times out or closes first
     */
    public Frame readFrame() throws IOException {
        InputStream in = connection.input();
        int b0 = readByte(in);
        int b1 = readByte(in);
        long length = b1 & 0x7F;
        if (length == 126) {
            length = ByteBuffer.wrap(connection.readExactly(2)).getShort() & 0xFFFF;
        } else if (length == 127) {
            length = ByteBuffer.wrap(connection.readExactly(8)).getLong();
        }
        if (length > Integer.MAX_VALUE - 8) {
            throw new IOException("frame too long for this client: " + length);
        }
        byte[] mask = (b1 & 0x80) != 0 ? connection.readExactly(4) : null;
        byte[] payload = connection.readExactly((int) length);
        if (mask != null) {
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i & 3];
            }
        }
        return new Frame((b0 & 0x80) != 0, (b0 >> 4) & 0x7, b0 & 0x0F, mask != null, payload);
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }

    private static int readByte(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("connection closed before a frame");
        }
        return b;
    }

    private static String acceptKey(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every JDK", e);
        }
    }

    /**
     * One frame as received.
     *
     * @param fin the FIN bit
     * @param rsv the three RSV bits, RSV1 highest
     * @param opcode the opcode
     * @param masked whether the server masked it (it must not)
     * @param payload the payload, unmasked
     */
    public record Frame(boolean fin, int rsv, int opcode, boolean masked, byte[] payload) {

        /** @return the payload as UTF-8 text */
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        /** @return the close code of a close frame, or 1005 when it carries none */
        public int closeCode() {
            return payload.length >= 2 ? ByteBuffer.wrap(payload).getShort() & 0xFFFF : 1005;
        }
    }
}
