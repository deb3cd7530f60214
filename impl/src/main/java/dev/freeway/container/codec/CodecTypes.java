package dev.freeway.container.codec;

import jakarta.websocket.Decoder;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Encoder;
import jakarta.websocket.PongMessage;

import java.io.InputStream;
import java.io.Reader;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Modifier;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an endpoint's configured decoder and encoder classes can do, resolved once at deployment: the
 * forms each class implements and the type each form reads or writes, and a constructor handle for each
 * class. Immutable and shared by all connections of an endpoint; {@link Codecs} holds the per-connection
 * instances.
 *
 * <p>Matching rules, from the spec:
 * <ul>
 * <li>A decoder producing {@code T} serves a message parameter or handler of type {@code P} when
 * {@code T} is assignable to {@code P} (a {@code Decoder.Text<Apple>} feeds an {@code Apple} or a
 * {@code Fruit} parameter, never a {@code GoldenApple} one), because the decoded object is handed to the
 * method as is. The first decoder in the configured order that fits decides the native message type
 * (§4.2.2, "the first appropriate decoder in the list").</li>
 * <li>An encoder for {@code T} serves every object that is an instance of {@code T}, "same class or a
 * sub-class" (§4.1.2, WSC-4.1.2-1); the first in configured order wins.</li>
 * <li>String, Reader, ByteBuffer, byte[], InputStream and PongMessage are native and never go through a
 * user decoder or encoder. Primitives and their boxes do, when one is configured: "a developer-provided
 * encoder for a Java primitive type overrides the container default" (RemoteEndpoint.Basic.sendObject),
 * and decoders are treated the same way for symmetry; otherwise the container converts them itself.</li>
 * </ul>
 */
public final class CodecTypes {
    /** No decoders and no encoders. */
    public static final CodecTypes NONE = new CodecTypes(List.of(), List.of(), Map.of(), List.of(), List.of());

    // the order in which the entries of a class that implements several forms are listed
    private static final List<Form> DECODER_FORMS = forms(
            Decoder.Text.class, Decoder.TextStream.class, Decoder.Binary.class, Decoder.BinaryStream.class);
    private static final List<Form> ENCODER_FORMS = forms(
            Encoder.Text.class, Encoder.TextStream.class, Encoder.Binary.class, Encoder.BinaryStream.class);

    /** One of the four forms of Decoder or Encoder and the kind of message it handles. */
    private record Form(Class<?> api, MessageKind kind) {
    }

    private final List<CodecEntry> decoders;
    private final List<CodecEntry> encoders;
    private final Map<Class<?>, MethodHandle> constructors;
    private final List<Class<? extends Decoder>> decoderClasses;
    private final List<Class<? extends Encoder>> encoderClasses;

    private CodecTypes(List<CodecEntry> decoders, List<CodecEntry> encoders, Map<Class<?>, MethodHandle> constructors,
            List<Class<? extends Decoder>> decoderClasses, List<Class<? extends Encoder>> encoderClasses) {
        this.decoders = decoders;
        this.encoders = encoders;
        this.constructors = constructors;
        this.decoderClasses = decoderClasses;
        this.encoderClasses = encoderClasses;
    }

    /**
     * Resolves the given classes.
     *
     * @throws DeploymentException naming the class when it is not a public concrete class with a public
     *         no-argument constructor, implements none of the four decoder (encoder) forms, or leaves the
     *         type it decodes (encodes) open, as a raw or generic class does
     */
    public static CodecTypes of(List<Class<? extends Decoder>> decoderClasses,
            List<Class<? extends Encoder>> encoderClasses) throws DeploymentException {
        if (decoderClasses.isEmpty() && encoderClasses.isEmpty()) {
            return NONE;
        }
        Map<Class<?>, MethodHandle> constructors = new LinkedHashMap<>();
        List<CodecEntry> decoders = entries("decoder", "Decoder", decoderClasses, DECODER_FORMS, constructors);
        List<CodecEntry> encoders = entries("encoder", "Encoder", encoderClasses, ENCODER_FORMS, constructors);
        return new CodecTypes(List.copyOf(decoders), List.copyOf(encoders), Collections.unmodifiableMap(constructors),
                List.copyOf(decoderClasses), List.copyOf(encoderClasses));
    }

    /**
     * Which kind of message a whole-message handler for {@code type} receives: String, primitives and
     * boxes get {@link MessageKind#TEXT}, Reader {@link MessageKind#TEXT_STREAM}, ByteBuffer and byte[]
     * {@link MessageKind#BINARY}, InputStream {@link MessageKind#BINARY_STREAM}, PongMessage
     * {@link MessageKind#PONG}; any other type the kind of the first configured decoder that produces it.
     * For Reader, InputStream, primitives and boxes, a configured decoder that produces the type comes
     * before the container's own stream or conversion: an application that configures a
     * {@code Decoder.Text<Reader>} wants its decoder used (TCK session11 annotatedTextReaderClientTest).
     *
     * @return the kind, or {@code null} when nothing can produce {@code type}
     */
    public MessageKind kindOf(Class<?> type) {
        MessageKind nativeKind = nativeKind(type);
        if (nativeKind != null && !nativeKind.isStream()) {
            return nativeKind;
        }
        for (CodecEntry decoder : decoders) {
            if (produces(decoder, type)) {
                return decoder.kind();
            }
        }
        if (nativeKind != null) {
            return nativeKind;
        }
        return CodecPrimitives.isPrimitiveOrBox(type) ? MessageKind.TEXT : null;
    }

    /**
     * Whether values declared as {@code type} can be sent with {@code sendObject}: String, ByteBuffer,
     * byte[], primitives and boxes always, anything else when a configured encoder accepts every
     * {@code type} (its type is {@code type} or a supertype).
     */
    public boolean canEncode(Class<?> type) {
        if (type == String.class || type == ByteBuffer.class || type == byte[].class
                || CodecPrimitives.isPrimitiveOrBox(type)) {
            return true;
        }
        for (CodecEntry encoder : encoders) {
            if (encoder.type().isAssignableFrom(type)) {
                return true;
            }
        }
        return false;
    }

    /** The decoder classes, in configured order. */
    public List<Class<? extends Decoder>> decoderClasses() {
        return decoderClasses;
    }

    /** The encoder classes, in configured order. */
    public List<Class<? extends Encoder>> encoderClasses() {
        return encoderClasses;
    }

    /** Decoder forms in configured order. */
    List<CodecEntry> decoders() {
        return decoders;
    }

    /** Encoder forms in configured order. */
    List<CodecEntry> encoders() {
        return encoders;
    }

    /** Each distinct decoder and encoder class, in configured order, with its no-argument constructor. */
    Map<Class<?>, MethodHandle> constructors() {
        return constructors;
    }

    /** Whether {@code decoder} produces objects a {@code type} parameter accepts. */
    static boolean produces(CodecEntry decoder, Class<?> type) {
        return CodecPrimitives.box(type).isAssignableFrom(decoder.type());
    }

    /** The kind of the types the container handles without decoders, or null. */
    static MessageKind nativeKind(Class<?> type) {
        if (type == String.class) {
            return MessageKind.TEXT;
        } else if (type == ByteBuffer.class || type == byte[].class) {
            return MessageKind.BINARY;
        } else if (type == Reader.class) {
            return MessageKind.TEXT_STREAM;
        } else if (type == InputStream.class) {
            return MessageKind.BINARY_STREAM;
        } else if (type == PongMessage.class) {
            return MessageKind.PONG;
        }
        return null;
    }

    private static List<CodecEntry> entries(String role, String family, List<? extends Class<?>> classes,
            List<Form> forms, Map<Class<?>, MethodHandle> constructors) throws DeploymentException {
        List<CodecEntry> entries = new ArrayList<>();
        for (Class<?> codecClass : classes) {
            constructors.putIfAbsent(codecClass, constructor(role, codecClass));
            int before = entries.size();
            for (Form form : forms) {
                if (!form.api().isAssignableFrom(codecClass)) {
                    continue;
                }
                String formName = family + "." + form.api().getSimpleName();
                Class<?> type = GenericTypes.typeArgument(codecClass, form.api(), 0);
                if (type == null) {
                    throw new DeploymentException(role + " " + codecClass.getName() + ": cannot tell which type its "
                            + formName + " " + verb(role) + "; implement " + formName
                            + " with a concrete type argument, e.g. " + formName + "<Message>");
                }
                entries.add(new CodecEntry(codecClass, form.kind(), type));
            }
            if (entries.size() == before) {
                throw new DeploymentException(role + " " + codecClass.getName() + ": implements none of " + family
                        + ".Text, " + family + ".TextStream, " + family + ".Binary and " + family + ".BinaryStream");
            }
        }
        return entries;
    }

    private static String verb(String role) {
        return role.equals("decoder") ? "decodes to" : "encodes";
    }

    private static MethodHandle constructor(String role, Class<?> codecClass) throws DeploymentException {
        if (codecClass.isInterface() || Modifier.isAbstract(codecClass.getModifiers())) {
            throw new DeploymentException(role + " " + codecClass.getName()
                    + ": is abstract; the container creates one " + role + " per connection, so it must be a concrete class");
        }
        try {
            return MethodHandles.publicLookup().findConstructor(codecClass, MethodType.methodType(void.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new DeploymentException(role + " " + codecClass.getName()
                    + ": has no public no-argument constructor in a public class; the container creates one "
                    + role + " per connection with it", e);
        }
    }

    private static List<Form> forms(Class<?> text, Class<?> textStream, Class<?> binary, Class<?> binaryStream) {
        return List.of(new Form(text, MessageKind.TEXT), new Form(textStream, MessageKind.TEXT_STREAM),
                new Form(binary, MessageKind.BINARY), new Form(binaryStream, MessageKind.BINARY_STREAM));
    }
}
