package dev.freeway.container.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.websocket.DecodeException;
import jakarta.websocket.Decoder;
import jakarta.websocket.MessageHandler;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

class GenericTypesTest {
    static class Foo {
    }

    static class FooDecoder implements Decoder.Text<Foo> {
        @Override
        public Foo decode(String s) {
            return new Foo();
        }

        @Override
        public boolean willDecode(String s) {
            return true;
        }
    }

    abstract static class Base<T> implements MessageHandler.Whole<T> {
    }

    static class FooHandler extends Base<Foo> {
        @Override
        public void onMessage(Foo message) {
        }
    }

    abstract static class Renamed<Y> extends Base<Y> {
    }

    abstract static class Swapped<A, B> extends Renamed<B> {
    }

    static class Deep extends Swapped<String, Foo> {
        @Override
        public void onMessage(Foo message) {
        }
    }

    interface FooWhole extends MessageHandler.Whole<Foo> {
    }

    static class ViaInterface implements FooWhole {
        @Override
        public void onMessage(Foo message) {
        }
    }

    interface ListWhole<T> extends MessageHandler.Whole<List<T>> {
    }

    static class ViaGenericInterface implements ListWhole<String> {
        @Override
        public void onMessage(List<String> message) {
        }
    }

    abstract static class ArrayBase<T> implements MessageHandler.Whole<T[]> {
    }

    static class StringArrays extends ArrayBase<String> {
        @Override
        public void onMessage(String[] message) {
        }
    }

    static class Bytes implements MessageHandler.Partial<byte[]> {
        @Override
        public void onMessage(byte[] part, boolean last) {
        }
    }

    static class MapHandler implements MessageHandler.Whole<Map<String, Integer>> {
        @Override
        public void onMessage(Map<String, Integer> message) {
        }
    }

    @SuppressWarnings("rawtypes")
    static class RawDecoder implements Decoder.Text {
        @Override
        public Object decode(String s) throws DecodeException {
            return s;
        }

        @Override
        public boolean willDecode(String s) {
            return true;
        }
    }

    static class Open<T> implements MessageHandler.Whole<T> {
        @Override
        public void onMessage(T message) {
        }
    }

    /** Binds a variable of an interface to a variable of the class, and the class's in turn. */
    interface Pair<A, B> {
    }

    static class Flip<X, Y> implements Pair<Y, X> {
    }

    static class Flipped extends Flip<String, Integer> {
    }

    static class TwoForms implements Decoder.Text<Foo>, Decoder.Binary<ByteBuffer> {
        @Override
        public Foo decode(String s) {
            return null;
        }

        @Override
        public boolean willDecode(String s) {
            return true;
        }

        @Override
        public ByteBuffer decode(ByteBuffer bytes) {
            return bytes;
        }

        @Override
        public boolean willDecode(ByteBuffer bytes) {
            return true;
        }
    }

    @Test
    void directArgument() {
        assertThat(GenericTypes.typeArgument(FooDecoder.class, Decoder.Text.class, 0)).isEqualTo(Foo.class);
    }

    @Test
    void argumentGivenBySubclassOfGenericBase() {
        assertThat(GenericTypes.typeArgument(FooHandler.class, MessageHandler.Whole.class, 0)).isEqualTo(Foo.class);
    }

    @Test
    void variablesRenamedAndShuffledAcrossLevels() {
        assertThat(GenericTypes.typeArgument(Deep.class, MessageHandler.Whole.class, 0)).isEqualTo(Foo.class);
    }

    @Test
    void argumentGivenBySuperinterface() {
        assertThat(GenericTypes.typeArgument(ViaInterface.class, MessageHandler.Whole.class, 0)).isEqualTo(Foo.class);
    }

    @Test
    void parameterizedArgumentResolvesToRawClass() {
        assertThat(GenericTypes.typeArgument(ViaGenericInterface.class, MessageHandler.Whole.class, 0))
                .isEqualTo(List.class);
        assertThat(GenericTypes.typeArgument(MapHandler.class, MessageHandler.Whole.class, 0)).isEqualTo(Map.class);
    }

    @Test
    void arrays() {
        assertThat(GenericTypes.typeArgument(Bytes.class, MessageHandler.Partial.class, 0)).isEqualTo(byte[].class);
        assertThat(GenericTypes.typeArgument(StringArrays.class, MessageHandler.Whole.class, 0))
                .isEqualTo(String[].class);
    }

    @Test
    void interfaceVariablesBoundToClassVariables() {
        assertThat(GenericTypes.typeArgument(Flipped.class, Pair.class, 0)).isEqualTo(Integer.class);
        assertThat(GenericTypes.typeArgument(Flipped.class, Pair.class, 1)).isEqualTo(String.class);
    }

    @Test
    void eachInterfaceOfAClassResolvesOnItsOwn() {
        assertThat(GenericTypes.typeArgument(TwoForms.class, Decoder.Text.class, 0)).isEqualTo(Foo.class);
        assertThat(GenericTypes.typeArgument(TwoForms.class, Decoder.Binary.class, 0)).isEqualTo(ByteBuffer.class);
    }

    @Test
    void unresolvableGivesNull() {
        MessageHandler.Whole<String> lambda = message -> { };
        assertThat(GenericTypes.typeArgument(lambda.getClass(), MessageHandler.Whole.class, 0)).isNull();
        assertThat(GenericTypes.typeArgument(RawDecoder.class, Decoder.Text.class, 0)).isNull();
        assertThat(GenericTypes.typeArgument(Open.class, MessageHandler.Whole.class, 0)).isNull();
        assertThat(GenericTypes.typeArgument(Flip.class, Pair.class, 0)).isNull();
    }

    @Test
    void anonymousClassKeepsItsArgument() {
        MessageHandler.Whole<Foo> anonymous = new MessageHandler.Whole<>() {
            @Override
            public void onMessage(Foo message) {
            }
        };
        assertThat(GenericTypes.typeArgument(anonymous.getClass(), MessageHandler.Whole.class, 0)).isEqualTo(Foo.class);
    }

    @Test
    void notImplementedGivesNull() {
        assertThat(GenericTypes.typeArgument(FooDecoder.class, Decoder.Binary.class, 0)).isNull();
    }

    @Test
    void indexOutOfRange() {
        assertThatThrownBy(() -> GenericTypes.typeArgument(FooDecoder.class, Decoder.Text.class, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("jakarta.websocket.Decoder$Text has no type parameter 1");
    }
}
