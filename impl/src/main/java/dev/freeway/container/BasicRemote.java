package dev.freeway.container;

import dev.freeway.engine.Data;
import dev.freeway.engine.Ping;
import dev.freeway.engine.Pong;
import jakarta.websocket.EncodeException;
import jakarta.websocket.RemoteEndpoint;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * {@code RemoteEndpoint.Basic}: each send blocks until its bytes reached the network (or the
 * send timeout expires). Partial sends and send streams hold the outbound side for the calling
 * thread until the message's last part.
 */
final class BasicRemote implements RemoteEndpoint.Basic {
    private final WsSession session;

    BasicRemote(WsSession session) {
        this.session = session;
    }

    @Override
    public void sendText(String text) throws IOException {
        require(text, "text");
        session.outbound().sendBlocking(Data.text(text, true), false);
    }

    @Override
    public void sendBinary(ByteBuffer data) throws IOException {
        require(data, "data");
        session.outbound().sendBlocking(Data.binary(data, true), false);
    }

    @Override
    public void sendText(String partialMessage, boolean isLast) throws IOException {
        require(partialMessage, "partialMessage");
        ByteBuffer bytes = ByteBuffer.wrap(partialMessage.getBytes(StandardCharsets.UTF_8));
        session.outbound().sendBlocking(new Data(bytes, true, true, isLast), !isLast);
    }

    @Override
    public void sendBinary(ByteBuffer partialByte, boolean isLast) throws IOException {
        require(partialByte, "partialByte");
        session.outbound().sendBlocking(new Data(partialByte, false, true, isLast), !isLast);
    }

    @Override
    public OutputStream getSendStream() {
        return new FragmentingOutputStream(session.outbound(), false);
    }

    @Override
    public Writer getSendWriter() {
        return new FragmentingWriter(session.outbound());
    }

    @Override
    public void sendObject(Object data) throws IOException, EncodeException {
        require(data, "data");
        Encoded encoded = session.codecs().encode(data);
        if (encoded instanceof Encoded.Text) {
            sendText(((Encoded.Text) encoded).text());
        } else if (encoded instanceof Encoded.Binary) {
            sendBinary(((Encoded.Binary) encoded).bytes());
        } else if (encoded instanceof Encoded.TextStream) {
            try (Writer w = getSendWriter()) {
                ((Encoded.TextStream) encoded).writeTo(w);
            }
        } else {
            try (OutputStream out = getSendStream()) {
                ((Encoded.BinaryStream) encoded).writeTo(out);
            }
        }
    }

    @Override
    public void setBatchingAllowed(boolean allowed) throws IOException {
        session.outbound().setBatching(allowed);
    }

    @Override
    public boolean getBatchingAllowed() {
        return session.outbound().isBatching();
    }

    @Override
    public void flushBatch() throws IOException {
        session.outbound().flushBatch();
    }

    /** @throws IllegalArgumentException if the payload is over 125 bytes */
    @Override
    public void sendPing(ByteBuffer applicationData) throws IOException {
        session.outbound().sendBlocking(new Ping(orEmpty(applicationData)), false);
    }

    /** @throws IllegalArgumentException if the payload is over 125 bytes */
    @Override
    public void sendPong(ByteBuffer applicationData) throws IOException {
        session.outbound().sendBlocking(new Pong(orEmpty(applicationData)), false);
    }

    static ByteBuffer orEmpty(ByteBuffer b) {
        return b == null ? ByteBuffer.allocate(0) : b;
    }

    static void require(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
    }
}
