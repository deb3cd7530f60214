package dev.freeway.container.codec;

import static dev.freeway.container.codec.CodecFixtures.bytes;
import static dev.freeway.container.codec.CodecFixtures.config;
import static dev.freeway.container.codec.CodecFixtures.log;
import static dev.freeway.container.codec.CodecFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.freeway.container.codec.CodecFixtures.AnyAppleBinary;
import dev.freeway.container.codec.CodecFixtures.AnyAppleText;
import dev.freeway.container.codec.CodecFixtures.Apple;
import dev.freeway.container.codec.CodecFixtures.AppleBinary;
import dev.freeway.container.codec.CodecFixtures.AppleBinaryStream;
import dev.freeway.container.codec.CodecFixtures.AppleCodec;
import dev.freeway.container.codec.CodecFixtures.AppleOutput;
import dev.freeway.container.codec.CodecFixtures.AppleStream;
import dev.freeway.container.codec.CodecFixtures.AppleText;
import dev.freeway.container.codec.CodecFixtures.AppleTextEncoder;
import dev.freeway.container.codec.CodecFixtures.AppleWriter;
import dev.freeway.container.codec.CodecFixtures.FailingConstructor;
import dev.freeway.container.codec.CodecFixtures.FailingDestroy;
import dev.freeway.container.codec.CodecFixtures.FailingInit;
import dev.freeway.container.codec.CodecFixtures.Fruit;
import dev.freeway.container.codec.CodecFixtures.FruitBinaryEncoder;
import dev.freeway.container.codec.CodecFixtures.FruitText;
import dev.freeway.container.codec.CodecFixtures.GoldenApple;
import dev.freeway.container.codec.CodecFixtures.HexInteger;
import dev.freeway.container.codec.CodecFixtures.HexIntegerEncoder;
import dev.freeway.container.codec.CodecFixtures.NullEncoder;
import dev.freeway.container.codec.CodecFixtures.PrefixingInputStreamBinary;
import dev.freeway.container.codec.CodecFixtures.PrefixingInputStreamStream;
import dev.freeway.container.codec.CodecFixtures.PrefixingReaderStream;
import dev.freeway.container.codec.CodecFixtures.PrefixingReaderText;
import dev.freeway.container.codec.CodecFixtures.Utf8String;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.DecodeException;
import jakarta.websocket.Decoder;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.EncodeException;
import jakarta.websocket.Encoder;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

class CodecsTest {

    private static Codecs codecs(List<Class<? extends Decoder>> decoders, List<Class<? extends Encoder>> encoders)
            throws DeploymentException {
        return Codecs.create(config(decoders, encoders));
    }

    private static Codecs decoders(List<Class<? extends Decoder>> decoders) throws DeploymentException {
        return codecs(decoders, List.of());
    }

    private static Codecs encoders(List<Class<? extends Encoder>> encoders) throws DeploymentException {
        return codecs(List.of(), encoders);
    }

    /** A configured decoder producing Reader or InputStream comes before the container's own stream (TCK session11). */
    @Nested
    class StreamTypesFromDecoders {
        @Test
        void aTextDecoderOfReadersMakesReaderHandlersWholeTextHandlers() throws Exception {
            try (Codecs codecs = decoders(List.of(PrefixingReaderText.class))) {
                assertThat(codecs.kindOf(Reader.class)).isEqualTo(MessageKind.TEXT);
                assertThat(read((Reader) codecs.decodeText(Reader.class, "hi"))).isEqualTo("decoded:hi");
            }
        }

        @Test
        void aTextStreamDecoderOfReadersIsGivenTheMessagesReader() throws Exception {
            try (Codecs codecs = decoders(List.of(PrefixingReaderStream.class))) {
                assertThat(codecs.kindOf(Reader.class)).isEqualTo(MessageKind.TEXT_STREAM);
                assertThat(read((Reader) codecs.decodeText(Reader.class, new StringReader("hi")))).isEqualTo("streamed:hi");
            }
        }

        @Test
        void aBinaryDecoderOfInputStreamsMakesInputStreamHandlersWholeBinaryHandlers() throws Exception {
            try (Codecs codecs = decoders(List.of(PrefixingInputStreamBinary.class))) {
                assertThat(codecs.kindOf(InputStream.class)).isEqualTo(MessageKind.BINARY);
                InputStream in = (InputStream) codecs.decodeBinary(InputStream.class, ByteBuffer.wrap(bytes("hi")));
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("decoded:hi");
            }
        }

        @Test
        void aBinaryStreamDecoderOfInputStreamsIsGivenTheMessagesStream() throws Exception {
            try (Codecs codecs = decoders(List.of(PrefixingInputStreamStream.class))) {
                assertThat(codecs.kindOf(InputStream.class)).isEqualTo(MessageKind.BINARY_STREAM);
                InputStream in = (InputStream) codecs.decodeBinary(InputStream.class, new ByteArrayInputStream(bytes("hi")));
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("streamed:hi");
            }
        }

        @Test
        void withoutSuchDecodersTheStreamsAreTheContainersOwn() throws Exception {
            try (Codecs codecs = decoders(List.of())) {
                Reader reader = new StringReader("hi");
                assertThat(codecs.kindOf(Reader.class)).isEqualTo(MessageKind.TEXT_STREAM);
                assertThat(codecs.decodeText(Reader.class, reader)).isSameAs(reader);
            }
        }

        private static String read(Reader reader) throws IOException {
            StringWriter all = new StringWriter();
            reader.transferTo(all);
            return all.toString();
        }

        private static byte[] bytes(String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
    }

    @Nested
    class Primitives {
        static Stream<Arguments> valid() {
            return Stream.of(
                    Arguments.of(int.class, "-42", -42), Arguments.of(Integer.class, "+7", 7),
                    Arguments.of(long.class, "9007199254740993", 9007199254740993L),
                    Arguments.of(Long.class, "-1", -1L),
                    Arguments.of(short.class, "32767", (short) 32767), Arguments.of(Short.class, "-3", (short) -3),
                    Arguments.of(byte.class, "-128", (byte) -128), Arguments.of(Byte.class, "12", (byte) 12),
                    Arguments.of(double.class, "2.5e3", 2500.0), Arguments.of(Double.class, "NaN", Double.NaN),
                    Arguments.of(float.class, "1.5", 1.5f), Arguments.of(Float.class, "-0.25", -0.25f),
                    Arguments.of(boolean.class, "true", true), Arguments.of(Boolean.class, "TRUE", true),
                    Arguments.of(char.class, "x", 'x'), Arguments.of(Character.class, "é", 'é'),
                    // the first character, the rest ignored (TCK clientendpointonmessage echoCharAndSessionTest)
                    Arguments.of(char.class, "Echar", 'E'), Arguments.of(Character.class, "ab", 'a'));
        }

        @ParameterizedTest(name = "{0} from \"{1}\"")
        @MethodSource("valid")
        void decodes(Class<?> type, String text, Object expected) throws Exception {
            try (Codecs codecs = decoders(List.of())) {
                assertThat(codecs.decodeText(type, text)).isEqualTo(expected);
            }
        }

        static Stream<Arguments> invalid() {
            return Stream.of(
                    Arguments.of(int.class, "12x", "cannot decode \"12x\" as int"),
                    Arguments.of(Integer.class, " 1", "cannot decode \" 1\" as Integer"),
                    Arguments.of(long.class, "", "cannot decode \"\" as long"),
                    Arguments.of(short.class, "32768", "cannot decode \"32768\" as short"),
                    Arguments.of(Byte.class, "128", "cannot decode \"128\" as Byte"),
                    Arguments.of(double.class, "one", "cannot decode \"one\" as double"),
                    Arguments.of(Float.class, "1,5", "cannot decode \"1,5\" as Float"),
                    Arguments.of(char.class, "", "cannot decode \"\" as char: a char is made from a text's first "
                            + "character"),
                    Arguments.of(Character.class, "", "cannot decode \"\" as Character: a Character is made from "
                            + "a text's first character"));
        }

        @ParameterizedTest(name = "{0} from \"{1}\"")
        @MethodSource("invalid")
        void rejects(Class<?> type, String text, String message) throws Exception {
            try (Codecs codecs = decoders(List.of())) {
                DecodeException e = catchThrowableOfType(DecodeException.class, () -> codecs.decodeText(type, text));
                assertThat(e).hasMessage(message);
                assertThat(e.getText()).isEqualTo(text);
            }
        }

        @Test
        void longTextIsCutInTheMessageButKeptInTheException() throws Exception {
            String text = "9".repeat(100);
            try (Codecs codecs = decoders(List.of())) {
                DecodeException e = catchThrowableOfType(DecodeException.class, () -> codecs.decodeText(int.class, text));
                assertThat(e).hasMessage("cannot decode \"" + "9".repeat(64) + "\"... (100 characters) as int");
                assertThat(e.getText()).isEqualTo(text);
            }
        }

        @Test
        void booleanFollowsTheStringConstructorAndNeverFails() throws Exception {
            // spec §4.7: "the single String parameter constructor", i.e. Boolean.parseBoolean
            try (Codecs codecs = decoders(List.of())) {
                assertThat(codecs.decodeText(boolean.class, "yes")).isEqualTo(false);
                assertThat(codecs.decodeText(Boolean.class, "True")).isEqualTo(true);
            }
        }

        @Test
        void decoderForTheBoxTakesOver() throws Exception {
            try (Codecs codecs = decoders(List.of(HexInteger.class))) {
                assertThat(codecs.decodeText(int.class, "ff")).isEqualTo(255);
                assertThat(codecs.decodeText(Integer.class, "10")).isEqualTo(16);
                assertThat(codecs.decodeText(long.class, "10")).isEqualTo(10L);
            }
        }

        @Test
        void noBinaryFormForPrimitives() throws Exception {
            try (Codecs codecs = decoders(List.of())) {
                assertThatThrownBy(() -> codecs.decodeBinary(int.class, bytes("1")))
                        .isInstanceOf(DecodeException.class)
                        .hasMessage("nothing decodes a binary message as int; no decoders are configured");
            }
        }
    }

    @Nested
    class Text {
        @Test
        void stringAsIsEvenWithDecodersForString() throws Exception {
            try (Codecs codecs = decoders(List.of(Utf8String.class))) {
                assertThat(codecs.decodeText(String.class, "hello")).isEqualTo("hello");
            }
        }

        @Test
        void firstDecoderThatWillDecodeWins() throws Exception {
            try (Codecs codecs = decoders(List.of(FruitText.class, AppleText.class, AnyAppleText.class))) {
                assertThat(codecs.decodeText(Apple.class, "apple:red")).hasToString("Apple(red)");
                assertThat(codecs.decodeText(Apple.class, "pear")).hasToString("Apple(any:pear)");
                // FruitText produces Fruits, which an Apple parameter cannot take
                assertThat(codecs.decodeText(Apple.class, "fruit:golden")).hasToString("Apple(any:fruit:golden)");
                assertThat(codecs.decodeText(Fruit.class, "fruit:golden")).hasToString("GoldenApple(golden)");
            }
        }

        @Test
        void orderOfConfigurationDecides() throws Exception {
            try (Codecs codecs = decoders(List.of(AnyAppleText.class, AppleText.class))) {
                assertThat(codecs.decodeText(Apple.class, "apple:red")).hasToString("Apple(any:apple:red)");
            }
        }

        @Test
        void noDecoderWillDecode() throws Exception {
            try (Codecs codecs = decoders(List.of(AppleText.class, FruitText.class))) {
                DecodeException e = catchThrowableOfType(DecodeException.class,
                        () -> codecs.decodeText(Fruit.class, "pear"));
                assertThat(e).hasMessage("no decoder will decode the message as " + Fruit.class.getName()
                        + ": willDecode returned false in " + AppleText.class.getName() + " (Decoder.Text<Apple>), "
                        + FruitText.class.getName() + " (Decoder.Text<Fruit>)");
                assertThat(e.getText()).isEqualTo("pear");
            }
        }

        @Test
        void noDecoderForTheType() throws Exception {
            try (Codecs codecs = decoders(List.of(AppleText.class))) {
                assertThatThrownBy(() -> codecs.decodeText(GoldenApple.class, "apple:x"))
                        .isInstanceOf(DecodeException.class)
                        .hasMessage("nothing decodes a text message as " + GoldenApple.class.getName()
                                + "; configured decoders: " + AppleText.class.getName() + " (Decoder.Text<Apple>)");
            }
        }

        @Test
        void streamDecoderTakesABufferedMessageAfterTextDecodersDecline() throws Exception {
            try (Codecs codecs = decoders(List.of(AppleText.class, AppleStream.class))) {
                assertThat(codecs.decodeText(Apple.class, "apple:red")).hasToString("Apple(red)");
                assertThat(codecs.decodeText(Apple.class, "pear")).hasToString("Apple(stream:pear)");
            }
        }

        @Test
        void streamDecoderReadsTheReader() throws Exception {
            try (Codecs codecs = decoders(List.of(AppleText.class, AppleStream.class))) {
                assertThat(codecs.decodeText(Apple.class, new StringReader("pear"))).hasToString("Apple(stream:pear)");
                Reader reader = new StringReader("as is");
                assertThat(codecs.decodeText(Reader.class, reader)).isSameAs(reader);
            }
        }

        @Test
        void readerWithoutStreamDecoder() throws Exception {
            try (Codecs codecs = decoders(List.of(AppleText.class))) {
                DecodeException e = catchThrowableOfType(DecodeException.class,
                        () -> codecs.decodeText(Apple.class, new StringReader("apple:red")));
                assertThat(e).hasMessage("nothing decodes a text stream as " + Apple.class.getName()
                        + "; configured decoders: " + AppleText.class.getName() + " (Decoder.Text<Apple>)");
                assertThat(e.getText()).isNull();
            }
        }
    }

    @Nested
    class Binary {
        @Test
        void byteBufferAsIsAndByteArrayAsACopy() throws Exception {
            ByteBuffer message = ByteBuffer.wrap("xhello".getBytes(StandardCharsets.UTF_8));
            message.position(1);
            try (Codecs codecs = decoders(List.of())) {
                assertThat(codecs.decodeBinary(ByteBuffer.class, message)).isSameAs(message);
                byte[] copy = (byte[]) codecs.decodeBinary(byte[].class, message);
                assertThat(new String(copy, StandardCharsets.UTF_8)).isEqualTo("hello");
                assertThat(message.position()).isEqualTo(1);
            }
        }

        @Test
        void everyWillDecodeSeesTheWholeMessage() throws Exception {
            // AnyAppleBinary.willDecode consumes its buffer, AppleBinary.willDecode reads a byte
            try (Codecs codecs = decoders(List.of(AppleBinary.class, AnyAppleBinary.class))) {
                assertThat(codecs.decodeBinary(Apple.class, bytes("Agreen"))).hasToString("Apple(green)");
                assertThat(codecs.decodeBinary(Apple.class, bytes("Bgreen"))).hasToString("Apple(any:Bgreen)");
            }
            try (Codecs codecs = decoders(List.of(AnyAppleBinary.class, AppleBinary.class))) {
                assertThat(codecs.decodeBinary(Apple.class, bytes("Agreen"))).hasToString("Apple(any:Agreen)");
            }
        }

        @Test
        void noDecoderWillDecode() throws Exception {
            try (Codecs codecs = decoders(List.of(AppleBinary.class))) {
                ByteBuffer message = bytes("Bgreen");
                DecodeException e = catchThrowableOfType(DecodeException.class,
                        () -> codecs.decodeBinary(Apple.class, message));
                assertThat(e).hasMessage("no decoder will decode the message as " + Apple.class.getName()
                        + ": willDecode returned false in " + AppleBinary.class.getName() + " (Decoder.Binary<Apple>)");
                assertThat(e.getBytes()).isSameAs(message);
            }
        }

        @Test
        void streamDecoderTakesABufferedMessage() throws Exception {
            try (Codecs codecs = decoders(List.of(AppleBinary.class, AppleBinaryStream.class))) {
                ByteBuffer message = bytes("Bgreen");
                assertThat(codecs.decodeBinary(Apple.class, message)).hasToString("Apple(stream:Bgreen)");
                assertThat(message.remaining()).isEqualTo(6);
            }
        }

        @Test
        void streamDecoderReadsTheStream() throws Exception {
            try (Codecs codecs = decoders(List.of(AppleBinaryStream.class))) {
                assertThat(codecs.decodeBinary(Apple.class, new ByteArrayInputStream("blue".getBytes(StandardCharsets.UTF_8))))
                        .hasToString("Apple(stream:blue)");
                InputStream in = InputStream.nullInputStream();
                assertThat(codecs.decodeBinary(InputStream.class, in)).isSameAs(in);
            }
        }

        @Test
        void streamWithoutStreamDecoder() throws Exception {
            try (Codecs codecs = decoders(List.of())) {
                DecodeException e = catchThrowableOfType(DecodeException.class,
                        () -> codecs.decodeBinary(Apple.class, InputStream.nullInputStream()));
                assertThat(e).hasMessage("nothing decodes a binary stream as " + Apple.class.getName()
                        + "; no decoders are configured");
                assertThat(e.getBytes()).isNull();
            }
        }

        @Test
        void textDecodersDoNotDecodeBinary() throws Exception {
            try (Codecs codecs = decoders(List.of(AppleText.class))) {
                assertThatThrownBy(() -> codecs.decodeBinary(Apple.class, bytes("apple:x")))
                        .isInstanceOf(DecodeException.class)
                        .hasMessageStartingWith("nothing decodes a binary message as " + Apple.class.getName());
            }
        }
    }

    @Nested
    class Encoding {
        @Test
        void nativeTypes() throws Exception {
            try (Codecs codecs = encoders(List.of())) {
                assertThat(codecs.encode("hi")).isEqualTo(new Encoded.Text("hi"));
                ByteBuffer buffer = bytes("b");
                assertThat(codecs.encode(buffer)).isEqualTo(new Encoded.Binary(buffer));
                byte[] array = {1, 2, 3};
                Encoded.Binary binary = (Encoded.Binary) codecs.encode(array);
                assertThat(binary.bytes().array()).isSameAs(array);
            }
        }

        @Test
        void boxesAsTheirStringForm() throws Exception {
            try (Codecs codecs = encoders(List.of())) {
                assertThat(codecs.encode(42)).isEqualTo(new Encoded.Text("42"));
                assertThat(codecs.encode(-1.5d)).isEqualTo(new Encoded.Text("-1.5"));
                assertThat(codecs.encode(2.5f)).isEqualTo(new Encoded.Text("2.5"));
                assertThat(codecs.encode(7L)).isEqualTo(new Encoded.Text("7"));
                assertThat(codecs.encode((short) 3)).isEqualTo(new Encoded.Text("3"));
                assertThat(codecs.encode((byte) 4)).isEqualTo(new Encoded.Text("4"));
                assertThat(codecs.encode(true)).isEqualTo(new Encoded.Text("true"));
                assertThat(codecs.encode('z')).isEqualTo(new Encoded.Text("z"));
            }
        }

        @Test
        void encoderForABoxOverridesTheDefault() throws Exception {
            // RemoteEndpoint.Basic.sendObject: "A developer-provided encoder for a Java primitive type overrides"
            try (Codecs codecs = encoders(List.of(HexIntegerEncoder.class))) {
                assertThat(codecs.encode(255)).isEqualTo(new Encoded.Text("ff"));
                assertThat(codecs.encode(255L)).isEqualTo(new Encoded.Text("255"));
            }
        }

        @Test
        void textAndBinaryEncoders() throws Exception {
            try (Codecs codecs = encoders(List.of(AppleTextEncoder.class, FruitBinaryEncoder.class))) {
                assertThat(codecs.encode(new Apple("red"))).isEqualTo(new Encoded.Text("apple:red"));
                assertThat(codecs.encode(new GoldenApple("gold"))).isEqualTo(new Encoded.Text("apple:gold"));
                Encoded.Binary fruit = (Encoded.Binary) codecs.encode(new Fruit("pear"));
                assertThat(utf8(fruit.bytes())).isEqualTo("fruit:pear");
            }
        }

        @Test
        void firstMatchingEncoderWins() throws Exception {
            try (Codecs codecs = encoders(List.of(FruitBinaryEncoder.class, AppleTextEncoder.class))) {
                assertThat(codecs.encode(new Apple("red"))).isInstanceOf(Encoded.Binary.class);
            }
        }

        @Test
        void streamEncodersWriteIntoWhatTheCallerSupplies() throws Exception {
            try (Codecs codecs = encoders(List.of(AppleWriter.class))) {
                Encoded.TextStream text = (Encoded.TextStream) codecs.encode(new Apple("red"));
                StringWriter out = new StringWriter();
                text.writeTo(out);
                assertThat(out).hasToString("written:red");
            }
            try (Codecs codecs = encoders(List.of(AppleOutput.class))) {
                Encoded.BinaryStream binary = (Encoded.BinaryStream) codecs.encode(new Apple("red"));
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                binary.writeTo(out);
                assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("output:red");
            }
        }

        @Test
        void nothingEncodes() throws Exception {
            try (Codecs codecs = encoders(List.of(AppleTextEncoder.class))) {
                Fruit pear = new Fruit("pear");
                EncodeException e = catchThrowableOfType(EncodeException.class, () -> codecs.encode(pear));
                assertThat(e).hasMessage("nothing encodes a " + Fruit.class.getName() + "; configured encoders: "
                        + AppleTextEncoder.class.getName() + " (Encoder.Text<Apple>)");
                assertThat(e.getObject()).isSameAs(pear);
            }
            try (Codecs codecs = encoders(List.of())) {
                assertThatThrownBy(() -> codecs.encode(new Object()))
                        .isInstanceOf(EncodeException.class)
                        .hasMessage("nothing encodes a java.lang.Object; no encoders are configured");
            }
        }

        @Test
        void encoderReturningNull() throws Exception {
            try (Codecs codecs = encoders(List.of(NullEncoder.class))) {
                assertThatThrownBy(() -> codecs.encode(new Apple("red")))
                        .isInstanceOf(EncodeException.class)
                        .hasMessage(NullEncoder.class.getName() + " returned null for a " + Apple.class.getName());
            }
        }

        @Test
        void nullIsNotAMessage() throws Exception {
            try (Codecs codecs = encoders(List.of())) {
                assertThatThrownBy(() -> codecs.encode(null))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("cannot send null as a message");
            }
        }
    }

    @Nested
    class Lifecycle {
        @Test
        void initWithTheConfigThenDestroyOnceOnClose() throws Exception {
            ClientEndpointConfig config = config(List.of(AppleText.class, AppleStream.class),
                    List.of(AppleTextEncoder.class));
            Codecs codecs = Codecs.create(config);
            assertThat(log(config)).containsExactly("init AppleText", "init AppleStream", "init AppleTextEncoder");
            codecs.close();
            codecs.close();
            assertThat(log(config)).containsExactly("init AppleText", "init AppleStream", "init AppleTextEncoder",
                    "destroy AppleText", "destroy AppleStream", "destroy AppleTextEncoder");
        }

        @Test
        void newInstancesPerConnection() throws Exception {
            ClientEndpointConfig config = config(List.of(AppleText.class), List.of());
            CodecTypes types = CodecTypes.of(config.getDecoders(), config.getEncoders());
            try (Codecs first = Codecs.create(config, types); Codecs second = Codecs.create(config, types)) {
                assertThat(first.types()).isSameAs(second.types());
                assertThat(log(config)).containsExactly("init AppleText", "init AppleText");
            }
        }

        @Test
        void classThatIsDecoderAndEncoderIsOneInstance() throws Exception {
            ClientEndpointConfig config = config(List.of(AppleCodec.class), List.of(AppleCodec.class));
            try (Codecs codecs = Codecs.create(config)) {
                assertThat(codecs.encode(codecs.decodeText(Apple.class, "round"))).isEqualTo(new Encoded.Text("round"));
            }
            assertThat(log(config)).containsExactly("init AppleCodec", "destroy AppleCodec");
        }

        @Test
        void failedInitDestroysWhatWasCreated() {
            ClientEndpointConfig config = config(List.of(AppleText.class, FailingInit.class), List.of());
            assertThatThrownBy(() -> Codecs.create(config))
                    .isInstanceOf(DeploymentException.class)
                    .hasMessage("decoder " + FailingInit.class.getName()
                            + ": init(EndpointConfig) failed: java.lang.IllegalStateException: no database")
                    .hasCauseInstanceOf(IllegalStateException.class);
            assertThat(log(config)).containsExactly("init AppleText", "init FailingInit", "destroy AppleText");
        }

        @Test
        void failedConstructor() {
            ClientEndpointConfig config = config(List.of(AppleText.class), List.of(FailingConstructor.class));
            assertThatThrownBy(() -> Codecs.create(config))
                    .isInstanceOf(DeploymentException.class)
                    .hasMessage("encoder " + FailingConstructor.class.getName()
                            + ": its constructor failed: java.lang.IllegalStateException: cannot construct");
            assertThat(log(config)).containsExactly("init AppleText", "destroy AppleText");
        }

        @Test
        void failedDestroyDoesNotStopTheOthers() throws Exception {
            ClientEndpointConfig config = config(List.of(AppleText.class),
                    List.of(FailingDestroy.class, AppleTextEncoder.class));
            Codecs.create(config).close();
            assertThat(log(config)).containsExactly("init AppleText", "init FailingDestroy", "init AppleTextEncoder",
                    "destroy AppleText", "destroy FailingDestroy", "destroy AppleTextEncoder");
        }

        @Test
        void unfitClassesFailOnCreate() {
            ClientEndpointConfig config = config(List.of(CodecFixtures.RawDecoder.class), List.of());
            assertThatThrownBy(() -> Codecs.create(config))
                    .isInstanceOf(DeploymentException.class)
                    .hasMessageStartingWith("decoder " + CodecFixtures.RawDecoder.class.getName() + ": cannot tell");
        }

        @Test
        void kindsAndEncodabilityComeFromTheTypes() throws Exception {
            try (Codecs codecs = codecs(List.of(AppleBinary.class), List.of(FruitBinaryEncoder.class))) {
                assertThat(codecs.kindOf(Apple.class)).isEqualTo(MessageKind.BINARY);
                assertThat(codecs.canEncode(GoldenApple.class)).isTrue();
                assertThat(codecs.canEncode(Object.class)).isFalse();
            }
        }
    }

    @Test
    void byteBufferInput() throws IOException {
        ByteBuffer buffer = bytes("0123456789");
        buffer.position(2);
        CodecByteBufferInput in = new CodecByteBufferInput(buffer);
        assertThat(in.available()).isEqualTo(8);
        assertThat(in.read()).isEqualTo('2');
        assertThat(in.skip(3)).isEqualTo(3);
        byte[] rest = new byte[10];
        assertThat(in.read(rest, 1, 10 - 1)).isEqualTo(4);
        assertThat(new String(rest, 1, 4, StandardCharsets.UTF_8)).isEqualTo("6789");
        assertThat(in.read()).isEqualTo(-1);
        assertThat(in.read(rest, 0, 1)).isEqualTo(-1);
        assertThat(in.read(rest, 0, 0)).isZero();
        assertThat(buffer.position()).isEqualTo(2);
    }
}
