package dev.freeway.container.codec;

import jakarta.websocket.EncodeException;
import jakarta.websocket.Encoder;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Prepares objects for {@code sendObject} with a connection's encoders; the rules are documented on
 * {@link Codecs#encode(Object)} and {@link CodecTypes}.
 */
final class CodecEncoding {
    private CodecEncoding() {
    }

    /**
     * @param entries  the encoder forms in configured order
     * @param encoders the instance for each entry, at the same index
     */
    static Encoded encode(List<CodecEntry> entries, Object[] encoders, Object value) throws EncodeException {
        if (value == null) {
            throw new IllegalArgumentException("cannot send null as a message");
        }
        if (value instanceof String text) {
            return new Encoded.Text(text);
        } else if (value instanceof ByteBuffer bytes) {
            return new Encoded.Binary(bytes);
        } else if (value instanceof byte[] bytes) {
            return new Encoded.Binary(ByteBuffer.wrap(bytes));
        }
        for (int i = 0; i < entries.size(); i++) {
            CodecEntry entry = entries.get(i);
            if (entry.type().isInstance(value)) {
                return encode(entry, encoders[i], value);
            }
        }
        if (CodecPrimitives.isPrimitiveOrBox(value.getClass())) {
            return new Encoded.Text(value.toString());
        }
        throw new EncodeException(value, "nothing encodes a " + value.getClass().getName() + "; "
                + CodecEntry.describeAll("Encoder", entries));
    }

    /**
     * What {@code encoder} makes of {@code value}. An encoder's runtime exception becomes an
     * EncodeException, so that every sender reports it as the API says: thrown by a blocking
     * {@code sendObject}, failing the Future or the SendResult of an asynchronous one (TCK
     * remoteendpoint.async sendObject...ExecutionException tests), never escaping the sender.
     */
    private static Encoded encode(CodecEntry entry, Object encoder, Object value) throws EncodeException {
        try {
            return encodeWith(entry, encoder, value);
        } catch (RuntimeException e) {
            throw failed(entry, value, e);
        }
    }

    private static EncodeException failed(CodecEntry entry, Object value, RuntimeException e) {
        return new EncodeException(value, entry.codecClass().getName() + " failed: " + e, e);
    }

    @SuppressWarnings("unchecked")
    private static Encoded encodeWith(CodecEntry entry, Object encoder, Object value) throws EncodeException {
        switch (entry.kind()) {
            case TEXT -> {
                String text = ((Encoder.Text<Object>) encoder).encode(value);
                if (text == null) {
                    throw new EncodeException(value, entry.codecClass().getName() + " returned null for a "
                            + value.getClass().getName());
                }
                return new Encoded.Text(text);
            }
            case BINARY -> {
                ByteBuffer bytes = ((Encoder.Binary<Object>) encoder).encode(value);
                if (bytes == null) {
                    throw new EncodeException(value, entry.codecClass().getName() + " returned null for a "
                            + value.getClass().getName());
                }
                return new Encoded.Binary(bytes);
            }
            case TEXT_STREAM -> {
                Encoder.TextStream<Object> stream = (Encoder.TextStream<Object>) encoder;
                return new Encoded.TextStream(out -> {
                    try {
                        stream.encode(value, out);
                    } catch (RuntimeException e) {
                        throw failed(entry, value, e);
                    }
                });
            }
            case BINARY_STREAM -> {
                Encoder.BinaryStream<Object> stream = (Encoder.BinaryStream<Object>) encoder;
                return new Encoded.BinaryStream(out -> {
                    try {
                        stream.encode(value, out);
                    } catch (RuntimeException e) {
                        throw failed(entry, value, e);
                    }
                });
            }
            default -> throw new IllegalStateException("no encoder form for " + entry.kind());
        }
    }
}
