package dev.freeway.container.codec;

import jakarta.websocket.DecodeException;
import jakarta.websocket.Decoder;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.EncodeException;
import jakarta.websocket.Encoder;
import jakarta.websocket.EndpointConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.lang.invoke.MethodHandle;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The decoders and encoders of one connection, and the container's own conversions for native types,
 * primitives and boxes. The spec asks for a new instance of every decoder and encoder per connection
 * (§4.1.2, §4.1.3); this class creates them, calls {@code init} once and {@code destroy} on
 * {@link #close()}.
 *
 * <p>Which decoder or encoder applies to which type follows the rules documented on {@link CodecTypes},
 * which were resolved at deployment; per message this class only walks the short list of configured
 * forms. Not thread-safe, like the decoders and encoders it holds: the session calls it from one thread at
 * a time for receiving and one at a time for sending.
 */
public final class Codecs implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Codecs.class.getName());

    private final CodecTypes types;
    /** The instance for each entry of {@code types.decoders()}, at the same index. */
    private final Object[] decoders;
    /** The instance for each entry of {@code types.encoders()}, at the same index. */
    private final Object[] encoders;
    /** Every distinct instance, in creation order, for destroy(). */
    private final List<Object> instances;
    private boolean closed;

    private Codecs(CodecTypes types, Map<Class<?>, Object> byClass) {
        this.types = types;
        this.decoders = types.decoders().stream().map(e -> byClass.get(e.codecClass())).toArray();
        this.encoders = types.encoders().stream().map(e -> byClass.get(e.codecClass())).toArray();
        this.instances = List.copyOf(byClass.values());
    }

    /**
     * Creates the decoders and encoders {@code config} lists, resolving their types first. Endpoints that
     * resolved them at deployment should call {@link #create(EndpointConfig, CodecTypes)} instead.
     *
     * @throws DeploymentException if a class is unfit (see {@link CodecTypes#of}), cannot be created, or
     *         its {@code init} fails; the instances initialised so far are destroyed
     */
    public static Codecs create(EndpointConfig config) throws DeploymentException {
        return create(config, CodecTypes.of(config.getDecoders(), config.getEncoders()));
    }

    /**
     * Creates an instance of each decoder and encoder class in {@code types} (one per class, even when
     * the class is both) and calls {@code init(config)} on each.
     *
     * @throws DeploymentException naming the class whose constructor or {@code init} failed (a linkage
     *         error included); the instances initialised so far are destroyed
     */
    public static Codecs create(EndpointConfig config, CodecTypes types) throws DeploymentException {
        Map<Class<?>, Object> byClass = new LinkedHashMap<>();
        for (Map.Entry<Class<?>, MethodHandle> entry : types.constructors().entrySet()) {
            Class<?> codecClass = entry.getKey();
            String step = "its constructor";
            try {
                Object instance = entry.getValue().invoke();
                step = "init(EndpointConfig)";
                init(instance, config);
                byClass.put(codecClass, instance);
            } catch (Throwable e) {
                destroyAll(byClass.values());
                if (e instanceof Error error && !(e instanceof LinkageError)) {
                    throw error; // out of memory and the like are not the class's fault
                }
                throw new DeploymentException(role(codecClass) + " " + codecClass.getName() + ": " + step
                        + " failed: " + e, e);
            }
        }
        return new Codecs(types, byClass);
    }

    /** The resolved types behind these instances. */
    public CodecTypes types() {
        return types;
    }

    /** See {@link CodecTypes#kindOf(Class)}. */
    public MessageKind kindOf(Class<?> type) {
        return types.kindOf(type);
    }

    /** See {@link CodecTypes#canEncode(Class)}. */
    public boolean canEncode(Class<?> type) {
        return types.canEncode(type);
    }

    /**
     * Turns a whole text message into a {@code type}: a String as is; otherwise the first text decoder
     * for the type (in configured order) that takes the message, where a {@code Decoder.Text} takes it
     * when its {@code willDecode} says so and a {@code Decoder.TextStream} always does (it reads the text
     * through a Reader); otherwise, for primitives and boxes, the container's conversion.
     *
     * @throws DecodeException if the conversion fails, if no decoder takes the message, or if nothing
     *         decodes text into {@code type}; it carries the text
     */
    public Object decodeText(Class<?> type, String text) throws DecodeException {
        if (type == String.class) {
            return text;
        }
        List<CodecEntry> entries = types.decoders();
        boolean found = false;
        for (int i = 0; i < entries.size(); i++) {
            CodecEntry entry = entries.get(i);
            if (!entry.kind().isText() || !CodecTypes.produces(entry, type)) {
                continue;
            }
            found = true;
            if (entry.kind() == MessageKind.TEXT) {
                Decoder.Text<?> decoder = (Decoder.Text<?>) decoders[i];
                if (decoder.willDecode(text)) {
                    return decoder.decode(text);
                }
            } else {
                try {
                    return ((Decoder.TextStream<?>) decoders[i]).decode(new StringReader(text));
                } catch (IOException e) {
                    // a StringReader does not fail, so this came from the decoder itself
                    throw new DecodeException(text, entry.codecClass().getName() + " failed: " + e, e);
                }
            }
        }
        if (found) {
            throw new DecodeException(text, "no decoder will decode the message as " + type.getName()
                    + ": willDecode returned false in " + describe(type, true));
        }
        if (CodecPrimitives.isPrimitiveOrBox(type)) {
            return CodecPrimitives.parse(type, text);
        }
        throw new DecodeException(text, "nothing decodes a text message as " + type.getName() + "; "
                + CodecEntry.describeAll("Decoder", types.decoders()));
    }

    /**
     * Turns a text message read as a stream into a {@code type}: through the first
     * {@code Decoder.TextStream} for the type, else, for a Reader, the reader itself (a configured
     * decoder comes first, as in {@link CodecTypes#kindOf}). The caller closes the reader.
     *
     * @throws DecodeException if no text stream decoder produces {@code type}, or the decoder fails
     */
    public Object decodeText(Class<?> type, Reader reader) throws DecodeException, IOException {
        List<CodecEntry> entries = types.decoders();
        for (int i = 0; i < entries.size(); i++) {
            CodecEntry entry = entries.get(i);
            if (entry.kind() == MessageKind.TEXT_STREAM && CodecTypes.produces(entry, type)) {
                return ((Decoder.TextStream<?>) decoders[i]).decode(reader);
            }
        }
        if (type == Reader.class) {
            return reader;
        }
        throw new DecodeException((String) null, "nothing decodes a text stream as " + type.getName() + "; "
                + CodecEntry.describeAll("Decoder", types.decoders()));
    }

    /**
     * Turns a whole binary message (the bytes between position and limit) into a {@code type}: a
     * ByteBuffer as is, a byte[] as a copy, otherwise the first binary decoder for the type (in configured
     * order) that takes the message, where a {@code Decoder.Binary} takes it when its {@code willDecode}
     * says so and a {@code Decoder.BinaryStream} always does. Each {@code willDecode} sees the whole
     * message, whatever the previous one did with its buffer's position.
     *
     * @throws DecodeException if no decoder takes the message or nothing decodes binary into
     *         {@code type}; it carries the bytes
     */
    public Object decodeBinary(Class<?> type, ByteBuffer bytes) throws DecodeException {
        if (type == ByteBuffer.class) {
            return bytes;
        }
        if (type == byte[].class) {
            byte[] copy = new byte[bytes.remaining()];
            bytes.duplicate().get(copy);
            return copy;
        }
        List<CodecEntry> entries = types.decoders();
        boolean found = false;
        for (int i = 0; i < entries.size(); i++) {
            CodecEntry entry = entries.get(i);
            if (!entry.kind().isBinary() || !CodecTypes.produces(entry, type)) {
                continue;
            }
            found = true;
            if (entry.kind() == MessageKind.BINARY) {
                Decoder.Binary<?> decoder = (Decoder.Binary<?>) decoders[i];
                if (decoder.willDecode(bytes.duplicate())) {
                    return decoder.decode(bytes);
                }
            } else {
                try {
                    return ((Decoder.BinaryStream<?>) decoders[i]).decode(new CodecByteBufferInput(bytes));
                } catch (IOException e) {
                    // reading a buffer does not fail, so this came from the decoder itself
                    throw new DecodeException(bytes, entry.codecClass().getName() + " failed: " + e, e);
                }
            }
        }
        if (found) {
            throw new DecodeException(bytes, "no decoder will decode the message as " + type.getName()
                    + ": willDecode returned false in " + describe(type, false));
        }
        throw new DecodeException(bytes, "nothing decodes a binary message as " + type.getName() + "; "
                + CodecEntry.describeAll("Decoder", types.decoders()));
    }

    /**
     * Turns a binary message read as a stream into a {@code type}: through the first
     * {@code Decoder.BinaryStream} for the type, else, for an InputStream, the stream itself (a
     * configured decoder comes first, as in {@link CodecTypes#kindOf}). The caller closes the stream.
     *
     * @throws DecodeException if no binary stream decoder produces {@code type}, or the decoder fails
     */
    public Object decodeBinary(Class<?> type, InputStream in) throws DecodeException, IOException {
        List<CodecEntry> entries = types.decoders();
        for (int i = 0; i < entries.size(); i++) {
            CodecEntry entry = entries.get(i);
            if (entry.kind() == MessageKind.BINARY_STREAM && CodecTypes.produces(entry, type)) {
                return ((Decoder.BinaryStream<?>) decoders[i]).decode(in);
            }
        }
        if (type == InputStream.class) {
            return in;
        }
        throw new DecodeException((ByteBuffer) null, "nothing decodes a binary stream as " + type.getName() + "; "
                + CodecEntry.describeAll("Decoder", types.decoders()));
    }

    /**
     * Prepares {@code value} for {@code sendObject}: a String is a text message, a ByteBuffer or byte[]
     * a binary one; anything else goes to the first configured encoder whose type {@code value} is an
     * instance of; primitives' boxes that no encoder takes become text by {@code toString()} (§4.7,
     * WSC-4.7-3).
     *
     * @throws IllegalArgumentException if {@code value} is null, as {@code sendObject} specifies
     * @throws EncodeException if nothing encodes the value, or the encoder fails or returns null
     */
    public Encoded encode(Object value) throws EncodeException {
        return CodecEncoding.encode(types.encoders(), encoders, value);
    }

    /** Calls {@code destroy()} on every decoder and encoder once; failures are logged, not thrown. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            destroyAll(instances);
        }
    }

    /** The decoders of one native type that produce {@code type}, for error messages. */
    private String describe(Class<?> type, boolean text) {
        return types.decoders().stream()
                .filter(e -> e.kind().isText() == text && CodecTypes.produces(e, type))
                .map(e -> e.describe("Decoder"))
                .collect(Collectors.joining(", "));
    }

    private static String role(Class<?> codecClass) {
        return Decoder.class.isAssignableFrom(codecClass) ? "decoder" : "encoder";
    }

    /** Calls init once, even on a class that is both a decoder and an encoder (one method for both). */
    private static void init(Object instance, EndpointConfig config) {
        if (instance instanceof Decoder decoder) {
            decoder.init(config);
        } else if (instance instanceof Encoder encoder) {
            encoder.init(config);
        }
    }

    private static void destroyAll(Collection<Object> instances) {
        for (Object instance : instances) {
            try {
                if (instance instanceof Decoder decoder) {
                    decoder.destroy();
                } else if (instance instanceof Encoder encoder) {
                    encoder.destroy();
                }
            } catch (RuntimeException | Error e) {
                LOG.log(System.Logger.Level.WARNING, "destroy() of " + instance.getClass().getName() + " failed", e);
            }
        }
    }
}
