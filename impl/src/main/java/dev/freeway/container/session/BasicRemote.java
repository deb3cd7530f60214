package dev.freeway.container.session;

import dev.freeway.api.CloseCodes;
import dev.freeway.container.codec.Encoded;
import dev.freeway.container.send.FragmentingOutputStream;
import dev.freeway.container.send.FragmentingWriter;
import dev.freeway.engine.Data;
import jakarta.websocket.EncodeException;
import jakarta.websocket.RemoteEndpoint;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;

/**
 * {@code RemoteEndpoint.Basic}: each send blocks until its bytes reached the network (or the
 * send timeout expires). Partial sends and send streams hold the outbound side for the calling
 * thread until the message's last part.
 */
final class BasicRemote extends RemoteBase implements RemoteEndpoint.Basic {

    BasicRemote(WsSession session) {
        super(session);
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
        session.outbound().sendBlocking(Data.text(partialMessage, isLast), !isLast);
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
            FragmentingWriter w = new FragmentingWriter(session.outbound());
            try {
                ((Encoded.TextStream) encoded).writeTo(w);
            } catch (EncodeException | IOException | RuntimeException e) {
                abandon(w.abandon(), e);
                throw e;
            }
            w.close();
        } else {
            FragmentingOutputStream out = new FragmentingOutputStream(session.outbound(), false);
            try {
                ((Encoded.BinaryStream) encoded).writeTo(out);
            } catch (EncodeException | IOException | RuntimeException e) {
                abandon(out.abandon(), e);
                throw e;
            }
            out.close();
        }
    }

    /**
     * A stream encoder failed: no message was sent, unless it had already written a fragment; then
     * the peer holds part of a message, and only closing the connection (1011) tells it the truth.
     */
    private void abandon(boolean started, Exception cause) {
        if (started) {
            session.closeForError(CloseCodes.INTERNAL_ERROR, "an encoder failed in the middle of a message: " + cause);
        }
    }
}
