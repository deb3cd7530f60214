package dev.freeway.bridge.client;

import dev.freeway.bridge.StreamSubprotocol;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.ClosedChannelException;

/**
 * A byte stream carried by one WebSocket, as websockify carries a TCP connection: what is
 * written goes out as messages, what arrives is read in order, message boundaries ignored.
 * One reader and one writer may work at once (from two threads). Closing any of its views
 * closes the WebSocket (1000), as closing a socket's stream closes the socket.
 */
public final class WebSocketStream implements Closeable {
    private final Session session;
    private final StreamSubprotocol framing;
    private final InboundBytes inbound;
    private final MessageOutput outbound;
    private final Closeable owned;
    private final InputStream in = new Input();
    private final OutputStream out = new Output();
    private final ByteChannel channel = new Channel();

    WebSocketStream(Session session, StreamSubprotocol framing, InboundBytes inbound, MessageOutput outbound,
            Closeable owned) {
        this.session = session;
        this.framing = framing;
        this.inbound = inbound;
        this.outbound = outbound;
        this.owned = owned;
    }

    /** The bytes from the server; -1 after a close with 1000, an IOException naming any other close. */
    public InputStream inputStream() {
        return in;
    }

    /** The bytes to the server; each write is sent (as one or more messages) before it returns. */
    public OutputStream outputStream() {
        return out;
    }

    /** Both directions as a (blocking) channel. */
    public ByteChannel channel() {
        return channel;
    }

    /** The framing in use. */
    public StreamSubprotocol framing() {
        return framing;
    }

    /** The WebSocket session underneath. */
    public Session session() {
        return session;
    }

    /** Bytes received and not yet read: never much above {@link StreamOptions#inboundLimit()}. */
    public long bufferedBytes() {
        return inbound.buffered();
    }

    /** Closes the WebSocket with 1000 (and the client container, if the stream made its own). */
    @Override
    public void close() throws IOException {
        try {
            if (session.isOpen()) {
                session.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, ""));
            }
        } finally {
            inbound.end(null);
            if (owned != null) {
                owned.close();
            }
        }
    }

    private final class Input extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            return len == 0 ? 0 : inbound.read(ByteBuffer.wrap(b, off, len));
        }

        @Override
        public int available() {
            return inbound.available();
        }

        @Override
        public void close() throws IOException {
            WebSocketStream.this.close();
        }
    }

    private final class Output extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            outbound.write(ByteBuffer.wrap(new byte[] {(byte) b}));
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            outbound.write(ByteBuffer.wrap(b, off, len));
        }

        @Override
        public void close() throws IOException {
            WebSocketStream.this.close();
        }
    }

    private final class Channel implements ByteChannel {
        @Override
        public int read(ByteBuffer dst) throws IOException {
            if (!isOpen() && inbound.available() == 0) {
                throw new ClosedChannelException();
            }
            return inbound.read(dst);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            if (!isOpen()) {
                throw new ClosedChannelException();
            }
            int n = src.remaining();
            outbound.write(src);
            return n;
        }

        @Override
        public boolean isOpen() {
            return session.isOpen();
        }

        @Override
        public void close() throws IOException {
            WebSocketStream.this.close();
        }
    }
}
