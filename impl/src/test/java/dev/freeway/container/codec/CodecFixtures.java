package dev.freeway.container.codec;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.Decoder;
import jakarta.websocket.Encoder;
import jakarta.websocket.EndpointConfig;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Message types, decoders and encoders shared by the codec and endpoint model tests. Codecs record their
 * init and destroy calls in the config's user properties (key "log"), so tests can see them without
 * static state.
 */
public final class CodecFixtures {
    private CodecFixtures() {
    }

    /** A config listing the given classes, with an empty "log" list. */
    static ClientEndpointConfig config(List<Class<? extends Decoder>> decoders, List<Class<? extends Encoder>> encoders) {
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create().decoders(decoders).encoders(encoders).build();
        config.getUserProperties().put("log", new ArrayList<String>());
        return config;
    }

    @SuppressWarnings("unchecked")
    static List<String> log(EndpointConfig config) {
        return (List<String>) config.getUserProperties().get("log");
    }

    static String utf8(ByteBuffer bytes) {
        return StandardCharsets.UTF_8.decode(bytes.duplicate()).toString();
    }

    static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The root of the fixtures' decoded types. */
    public static class Fruit {
        final String name;

        public Fruit(String name) {
            this.name = name;
        }

        @Override
        public String toString() {
            return getClass().getSimpleName() + "(" + name + ")";
        }
    }

    /** A {@link Fruit} with its own codecs. */
    public static class Apple extends Fruit {
        public Apple(String name) {
            super(name);
        }
    }

    /** A subtype of {@link Apple}, for codecs found by assignability. */
    public static class GoldenApple extends Apple {
        public GoldenApple(String name) {
            super(name);
        }
    }

    /** Records init and destroy in the config's log; the method signatures serve Decoder and Encoder alike. */
    public abstract static class Recorder {
        private EndpointConfig config;

        public void init(EndpointConfig config) {
            this.config = config;
            log(config).add("init " + getClass().getSimpleName());
        }

        public void destroy() {
            log(config).add("destroy " + getClass().getSimpleName());
        }
    }

    /** Decodes "apple:NAME". */
    public static class AppleText extends Recorder implements Decoder.Text<Apple> {
        @Override
        public Apple decode(String text) {
            return new Apple(text.substring("apple:".length()));
        }

        @Override
        public boolean willDecode(String text) {
            return text.startsWith("apple:");
        }
    }

    /** Decodes "fruit:NAME" into a Fruit, or into a GoldenApple for "fruit:golden". */
    public static class FruitText implements Decoder.Text<Fruit> {
        @Override
        public Fruit decode(String text) {
            String name = text.substring("fruit:".length());
            return name.equals("golden") ? new GoldenApple(name) : new Fruit(name);
        }

        @Override
        public boolean willDecode(String text) {
            return text.startsWith("fruit:");
        }
    }

    /** Decodes anything, to tell it apart from AppleText. */
    public static class AnyAppleText implements Decoder.Text<Apple> {
        @Override
        public Apple decode(String text) {
            return new Apple("any:" + text);
        }

        @Override
        public boolean willDecode(String text) {
            return true;
        }
    }

    /** Reads the whole text. */
    public static class AppleStream extends Recorder implements Decoder.TextStream<Apple> {
        @Override
        public Apple decode(Reader reader) throws IOException {
            StringBuilder text = new StringBuilder();
            for (int c = reader.read(); c >= 0; c = reader.read()) {
                text.append((char) c);
            }
            return new Apple("stream:" + text);
        }
    }

    /** Decodes "A" followed by the name; willDecode moves the buffer's position on purpose. */
    public static class AppleBinary extends Recorder implements Decoder.Binary<Apple> {
        @Override
        public Apple decode(ByteBuffer bytes) {
            bytes.get(); // the 'A'
            return new Apple(utf8(bytes));
        }

        @Override
        public boolean willDecode(ByteBuffer bytes) {
            return bytes.hasRemaining() && bytes.get() == 'A';
        }
    }

    /** Decodes anything binary. */
    public static class AnyAppleBinary implements Decoder.Binary<Apple> {
        @Override
        public Apple decode(ByteBuffer bytes) {
            return new Apple("any:" + utf8(bytes));
        }

        @Override
        public boolean willDecode(ByteBuffer bytes) {
            bytes.position(bytes.limit()); // consumes everything, which must not bother the caller
            return true;
        }
    }

    /** Reads the whole stream. */
    public static class AppleBinaryStream implements Decoder.BinaryStream<Apple> {
        @Override
        public Apple decode(InputStream in) throws IOException {
            return new Apple("stream:" + new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** A decoder for a box, which takes over from the container's own conversion: reads hexadecimal. */
    public static class HexInteger implements Decoder.Text<Integer> {
        @Override
        public Integer decode(String text) {
            return Integer.parseInt(text, 16);
        }

        @Override
        public boolean willDecode(String text) {
            return true;
        }
    }

    /** A whole-text decoder producing a Reader, as the TCK's AlternativeReaderDecoder: says it was used. */
    public static class PrefixingReaderText implements Decoder.Text<Reader> {
        @Override
        public Reader decode(String text) {
            return new StringReader("decoded:" + text);
        }

        @Override
        public boolean willDecode(String text) {
            return true;
        }
    }

    /** A text stream decoder producing a Reader. */
    public static class PrefixingReaderStream implements Decoder.TextStream<Reader> {
        @Override
        public Reader decode(Reader reader) throws IOException {
            StringWriter all = new StringWriter();
            reader.transferTo(all);
            return new StringReader("streamed:" + all);
        }
    }

    /** A whole-binary decoder producing an InputStream. */
    public static class PrefixingInputStreamBinary implements Decoder.Binary<InputStream> {
        @Override
        public InputStream decode(ByteBuffer bytes) {
            return new ByteArrayInputStream(("decoded:" + utf8(bytes)).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public boolean willDecode(ByteBuffer bytes) {
            return true;
        }
    }

    /** A binary stream decoder producing an InputStream. */
    public static class PrefixingInputStreamStream implements Decoder.BinaryStream<InputStream> {
        @Override
        public InputStream decode(InputStream in) throws IOException {
            return new ByteArrayInputStream(("streamed:" + new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A decoder producing a native type, which the container never uses for String parameters. */
    public static class Utf8String implements Decoder.Binary<String> {
        @Override
        public String decode(ByteBuffer bytes) {
            return utf8(bytes);
        }

        @Override
        public boolean willDecode(ByteBuffer bytes) {
            return true;
        }
    }

    /** Encodes an {@link Apple} as text, recording its init and destroy. */
    public static class AppleTextEncoder extends Recorder implements Encoder.Text<Apple> {
        @Override
        public String encode(Apple apple) {
            return "apple:" + apple.name;
        }
    }

    /** Encodes any {@link Fruit} as a binary message. */
    public static class FruitBinaryEncoder implements Encoder.Binary<Fruit> {
        @Override
        public ByteBuffer encode(Fruit fruit) {
            return bytes("fruit:" + fruit.name);
        }
    }

    /** Encodes an {@link Apple} to a text stream. */
    public static class AppleWriter implements Encoder.TextStream<Apple> {
        @Override
        public void encode(Apple apple, Writer out) throws IOException {
            out.write("written:" + apple.name);
        }
    }

    /** Encodes an {@link Apple} to a binary stream. */
    public static class AppleOutput implements Encoder.BinaryStream<Apple> {
        @Override
        public void encode(Apple apple, OutputStream out) throws IOException {
            out.write(("output:" + apple.name).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** An encoder for a box, which takes over from toString(): writes hexadecimal. */
    public static class HexIntegerEncoder implements Encoder.Text<Integer> {
        @Override
        public String encode(Integer value) {
            return Integer.toHexString(value);
        }
    }

    /** A text encoder that returns null. */
    public static class NullEncoder implements Encoder.Text<Apple> {
        @Override
        public String encode(Apple apple) {
            return null;
        }
    }

    /** A decoder and an encoder in one class: one instance, one init, one destroy. */
    public static class AppleCodec extends Recorder implements Decoder.Text<Apple>, Encoder.Text<Apple> {
        @Override
        public Apple decode(String text) {
            return new Apple(text);
        }

        @Override
        public boolean willDecode(String text) {
            return true;
        }

        @Override
        public String encode(Apple apple) {
            return apple.name;
        }
    }

    /** A decoder whose {@code init} throws. */
    public static class FailingInit extends Recorder implements Decoder.Text<Fruit> {
        @Override
        public void init(EndpointConfig config) {
            super.init(config);
            throw new IllegalStateException("no database");
        }

        @Override
        public Fruit decode(String text) {
            return null;
        }

        @Override
        public boolean willDecode(String text) {
            return false;
        }
    }

    /** An encoder whose constructor throws. */
    public static class FailingConstructor implements Encoder.Text<Fruit> {
        public FailingConstructor() {
            throw new IllegalStateException("cannot construct");
        }

        @Override
        public String encode(Fruit fruit) {
            return null;
        }
    }

    /** An encoder whose {@code destroy} throws. */
    public static class FailingDestroy extends Recorder implements Encoder.Text<Fruit> {
        @Override
        public void destroy() {
            super.destroy();
            throw new IllegalStateException("cannot destroy");
        }

        @Override
        public String encode(Fruit fruit) {
            return fruit.name;
        }
    }

    /** A text decoder declared with the raw type, so its decoded type is unknown. */
    @SuppressWarnings("rawtypes")
    public static class RawDecoder implements Decoder.Text {
        @Override
        public Object decode(String text) {
            return text;
        }

        @Override
        public boolean willDecode(String text) {
            return true;
        }
    }

    /** A binary decoder generic in its decoded type, so that type is unknown. */
    public static class GenericDecoder<T> implements Decoder.Binary<T> {
        @Override
        public T decode(ByteBuffer bytes) {
            return null;
        }

        @Override
        public boolean willDecode(ByteBuffer bytes) {
            return false;
        }
    }

    /** Implements the Decoder marker only. */
    public static class NoForm implements Decoder {
    }

    /** An abstract decoder, which cannot be instantiated. */
    public abstract static class AbstractDecoder implements Decoder.Text<Fruit> {
    }

    /** An encoder without a no-argument constructor. */
    public static class NoDefaultConstructor implements Encoder.Text<Fruit> {
        public NoDefaultConstructor(String unused) {
        }

        @Override
        public String encode(Fruit fruit) {
            return fruit.name;
        }
    }

    static class NotPublic implements Decoder.Text<Fruit> {
        @Override
        public Fruit decode(String text) {
            return null;
        }

        @Override
        public boolean willDecode(String text) {
            return false;
        }
    }
}
