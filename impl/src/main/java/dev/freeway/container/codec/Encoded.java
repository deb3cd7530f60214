package dev.freeway.container.codec;

import jakarta.websocket.EncodeException;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;

/**
 * An object made ready for {@code sendObject}: the native message it becomes, or, for stream encoders, a
 * call that writes the message into a Writer or OutputStream the sender supplies (so that a large
 * encoded message need not be buffered whole).
 */
public sealed interface Encoded {

    /** A text message. */
    record Text(String text) implements Encoded {
    }

    /** A binary message: the bytes between position and limit. A byte[] is wrapped, not copied. */
    record Binary(ByteBuffer bytes) implements Encoded {
    }

    /** A text message written by a {@code Encoder.TextStream}; the sender supplies and closes the Writer. */
    record TextStream(TextBody body) implements Encoded {
        /** Writes the message into {@code out}; the caller closes {@code out} to end the message. */
        public void writeTo(Writer out) throws EncodeException, IOException {
            body.writeTo(out);
        }
    }

    /** A binary message written by a {@code Encoder.BinaryStream}; the sender supplies and closes the stream. */
    record BinaryStream(BinaryBody body) implements Encoded {
        /** Writes the message into {@code out}; the caller closes {@code out} to end the message. */
        public void writeTo(OutputStream out) throws EncodeException, IOException {
            body.writeTo(out);
        }
    }

    /** Writes an encoded text message. */
    @FunctionalInterface
    interface TextBody {
        /** Writes the whole message into {@code out}. */
        void writeTo(Writer out) throws EncodeException, IOException;
    }

    /** Writes an encoded binary message. */
    @FunctionalInterface
    interface BinaryBody {
        /** Writes the whole message into {@code out}. */
        void writeTo(OutputStream out) throws EncodeException, IOException;
    }
}
