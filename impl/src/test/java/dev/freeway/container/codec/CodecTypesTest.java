package dev.freeway.container.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.freeway.container.codec.CodecFixtures.AbstractDecoder;
import dev.freeway.container.codec.CodecFixtures.Apple;
import dev.freeway.container.codec.CodecFixtures.AppleBinary;
import dev.freeway.container.codec.CodecFixtures.AppleBinaryStream;
import dev.freeway.container.codec.CodecFixtures.AppleCodec;
import dev.freeway.container.codec.CodecFixtures.AppleStream;
import dev.freeway.container.codec.CodecFixtures.AppleText;
import dev.freeway.container.codec.CodecFixtures.AppleTextEncoder;
import dev.freeway.container.codec.CodecFixtures.Fruit;
import dev.freeway.container.codec.CodecFixtures.FruitBinaryEncoder;
import dev.freeway.container.codec.CodecFixtures.GenericDecoder;
import dev.freeway.container.codec.CodecFixtures.GoldenApple;
import dev.freeway.container.codec.CodecFixtures.HexInteger;
import dev.freeway.container.codec.CodecFixtures.NoDefaultConstructor;
import dev.freeway.container.codec.CodecFixtures.NoForm;
import dev.freeway.container.codec.CodecFixtures.NotPublic;
import dev.freeway.container.codec.CodecFixtures.RawDecoder;
import dev.freeway.container.codec.CodecFixtures.Utf8String;
import jakarta.websocket.Decoder;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Encoder;
import jakarta.websocket.PongMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.util.List;

class CodecTypesTest {

    private static CodecTypes decoders(List<Class<? extends Decoder>> decoders) throws DeploymentException {
        return CodecTypes.of(decoders, List.of());
    }

    private static CodecTypes encoders(List<Class<? extends Encoder>> encoders) throws DeploymentException {
        return CodecTypes.of(List.of(), encoders);
    }

    @Test
    void nativeKinds() {
        CodecTypes none = CodecTypes.NONE;
        assertThat(none.kindOf(String.class)).isEqualTo(MessageKind.TEXT);
        assertThat(none.kindOf(Reader.class)).isEqualTo(MessageKind.TEXT_STREAM);
        assertThat(none.kindOf(ByteBuffer.class)).isEqualTo(MessageKind.BINARY);
        assertThat(none.kindOf(byte[].class)).isEqualTo(MessageKind.BINARY);
        assertThat(none.kindOf(InputStream.class)).isEqualTo(MessageKind.BINARY_STREAM);
        assertThat(none.kindOf(PongMessage.class)).isEqualTo(MessageKind.PONG);
        assertThat(none.kindOf(Apple.class)).isNull();
        assertThat(none.kindOf(Object.class)).isNull();
        assertThat(none.kindOf(void.class)).isNull();
    }

    @ParameterizedTest
    @ValueSource(classes = {boolean.class, byte.class, short.class, char.class, int.class, long.class, float.class,
            double.class, Boolean.class, Byte.class, Short.class, Character.class, Integer.class, Long.class,
            Float.class, Double.class})
    void primitivesAndBoxesAreText(Class<?> type) {
        assertThat(CodecTypes.NONE.kindOf(type)).isEqualTo(MessageKind.TEXT);
        assertThat(CodecTypes.NONE.canEncode(type)).isTrue();
    }

    @Test
    void decoderKinds() throws DeploymentException {
        assertThat(decoders(List.of(AppleText.class)).kindOf(Apple.class)).isEqualTo(MessageKind.TEXT);
        assertThat(decoders(List.of(AppleStream.class)).kindOf(Apple.class)).isEqualTo(MessageKind.TEXT_STREAM);
        assertThat(decoders(List.of(AppleBinary.class)).kindOf(Apple.class)).isEqualTo(MessageKind.BINARY);
        assertThat(decoders(List.of(AppleBinaryStream.class)).kindOf(Apple.class)).isEqualTo(MessageKind.BINARY_STREAM);
    }

    @Test
    void firstDecoderForTheTypeDecidesTheKind() throws DeploymentException {
        assertThat(decoders(List.of(AppleBinary.class, AppleText.class)).kindOf(Apple.class))
                .isEqualTo(MessageKind.BINARY);
        assertThat(decoders(List.of(AppleText.class, AppleBinary.class)).kindOf(Apple.class))
                .isEqualTo(MessageKind.TEXT);
    }

    @Test
    void decoderServesItsTypeAndSupertypesButNotSubtypes() throws DeploymentException {
        CodecTypes types = decoders(List.of(AppleBinary.class));
        assertThat(types.kindOf(Apple.class)).isEqualTo(MessageKind.BINARY);
        assertThat(types.kindOf(Fruit.class)).isEqualTo(MessageKind.BINARY);
        assertThat(types.kindOf(Object.class)).isEqualTo(MessageKind.BINARY);
        assertThat(types.kindOf(GoldenApple.class)).isNull();
    }

    @Test
    void decoderForABoxTakesOverThePrimitive() throws DeploymentException {
        assertThat(decoders(List.of(HexInteger.class)).kindOf(int.class)).isEqualTo(MessageKind.TEXT);
        assertThat(decoders(List.of(AppleBinary.class)).kindOf(int.class)).isEqualTo(MessageKind.TEXT);
    }

    @Test
    void nativeTypesIgnoreDecoders() throws DeploymentException {
        assertThat(decoders(List.of(Utf8String.class)).kindOf(String.class)).isEqualTo(MessageKind.TEXT);
    }

    @Test
    void canEncode() throws DeploymentException {
        assertThat(CodecTypes.NONE.canEncode(String.class)).isTrue();
        assertThat(CodecTypes.NONE.canEncode(ByteBuffer.class)).isTrue();
        assertThat(CodecTypes.NONE.canEncode(byte[].class)).isTrue();
        assertThat(CodecTypes.NONE.canEncode(Apple.class)).isFalse();
        CodecTypes types = encoders(List.of(FruitBinaryEncoder.class));
        assertThat(types.canEncode(Fruit.class)).isTrue();
        assertThat(types.canEncode(GoldenApple.class)).isTrue();
        assertThat(types.canEncode(Object.class)).isFalse();
    }

    @Test
    void classWithSeveralFormsGivesAnEntryEach() throws DeploymentException {
        CodecTypes types = CodecTypes.of(List.of(AppleCodec.class), List.of(AppleCodec.class, AppleTextEncoder.class));
        assertThat(types.decoders()).containsExactly(new CodecEntry(AppleCodec.class, MessageKind.TEXT, Apple.class));
        assertThat(types.encoders()).containsExactly(new CodecEntry(AppleCodec.class, MessageKind.TEXT, Apple.class),
                new CodecEntry(AppleTextEncoder.class, MessageKind.TEXT, Apple.class));
        assertThat(types.constructors()).containsOnlyKeys(AppleCodec.class, AppleTextEncoder.class);
        assertThat(types.decoderClasses()).containsExactly(AppleCodec.class);
        assertThat(types.encoderClasses()).containsExactly(AppleCodec.class, AppleTextEncoder.class);
    }

    @Test
    void rawDecoder() {
        assertThatThrownBy(() -> decoders(List.of(RawDecoder.class)))
                .isInstanceOf(DeploymentException.class)
                .hasMessage("decoder " + RawDecoder.class.getName() + ": cannot tell which type its Decoder.Text "
                        + "decodes to; implement Decoder.Text with a concrete type argument, e.g. Decoder.Text<Message>");
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void genericDecoder() {
        assertThatThrownBy(() -> decoders(List.of((Class) GenericDecoder.class)))
                .isInstanceOf(DeploymentException.class)
                .hasMessage("decoder " + GenericDecoder.class.getName() + ": cannot tell which type its Decoder.Binary "
                        + "decodes to; implement Decoder.Binary with a concrete type argument, e.g. Decoder.Binary<Message>");
    }

    @Test
    void decoderOfNoForm() {
        assertThatThrownBy(() -> decoders(List.of(NoForm.class)))
                .isInstanceOf(DeploymentException.class)
                .hasMessage("decoder " + NoForm.class.getName() + ": implements none of Decoder.Text, "
                        + "Decoder.TextStream, Decoder.Binary and Decoder.BinaryStream");
    }

    @Test
    void abstractDecoder() {
        assertThatThrownBy(() -> decoders(List.of(AbstractDecoder.class)))
                .isInstanceOf(DeploymentException.class)
                .hasMessage("decoder " + AbstractDecoder.class.getName() + ": is abstract; the container creates one "
                        + "decoder per connection, so it must be a concrete class");
    }

    @Test
    void encoderWithoutNoArgumentConstructor() {
        assertThatThrownBy(() -> encoders(List.of(NoDefaultConstructor.class)))
                .isInstanceOf(DeploymentException.class)
                .hasMessage("encoder " + NoDefaultConstructor.class.getName() + ": has no public no-argument "
                        + "constructor in a public class; the container creates one encoder per connection with it");
    }

    @Test
    void nonPublicDecoder() {
        assertThatThrownBy(() -> decoders(List.of(NotPublic.class)))
                .isInstanceOf(DeploymentException.class)
                .hasMessageStartingWith("decoder " + NotPublic.class.getName() + ": has no public no-argument");
    }
}
