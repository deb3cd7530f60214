package dev.freeway.container.annotated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.freeway.container.codec.CodecFixtures.Apple;
import dev.freeway.container.codec.CodecFixtures.AppleBinaryStream;
import dev.freeway.container.codec.CodecFixtures.AppleText;
import dev.freeway.container.codec.CodecFixtures.AppleTextEncoder;
import dev.freeway.container.codec.CodecFixtures.GoldenApple;
import dev.freeway.container.codec.CodecFixtures.RawDecoder;
import dev.freeway.container.codec.MessageKind;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Decoder;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Encoder;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.util.List;

/** The rules of spec chapter 4 on annotated endpoints, each with the exact message a user gets. */
class EndpointModelTest {

    private static EndpointModel build(Class<?> endpoint) throws DeploymentException {
        return EndpointModel.build(endpoint, List.of(), List.of(), true);
    }

    private static String failure(Class<?> endpoint) {
        return failure(endpoint, List.of(), List.of(), true);
    }

    private static String failure(Class<?> endpoint, List<Class<? extends Decoder>> decoders,
            List<Class<? extends Encoder>> encoders, boolean server) {
        DeploymentException e = catchThrowableOfType(DeploymentException.class,
                () -> EndpointModel.build(endpoint, decoders, encoders, server));
        assertThat(e).as("deploying %s", endpoint.getName()).isNotNull();
        return e.getMessage();
    }

    /** How messages name a method: the declaring class's binary name, then the method. */
    private static String at(Class<?> type, String method) {
        return type.getName() + "." + method + ": ";
    }

    // ---------------------------------------------------------------- valid endpoints

    public static class Complete {
        @OnOpen
        public void open(Session session, EndpointConfig config, @PathParam("room") String room, @PathParam("n") int n) {
        }

        @OnClose
        public void close(CloseReason reason, Session session) {
        }

        @OnError
        public void error(@PathParam("room") String room, Throwable error) {
        }

        @OnMessage(maxMessageSize = 1000)
        public void onText(boolean last, Session session, String part) {
        }

        @OnMessage(maxMessageSize = 2000)
        public String onBinary(@PathParam("n") Integer n, ByteBuffer message) {
            return "";
        }

        @OnMessage
        public void onPong(PongMessage pong) {
        }
    }

    public static class Empty {
        public void notACallback(String text) {
        }
    }

    @Nested
    class Valid {
        @Test
        void everyCallbackAndParameterKind() throws DeploymentException {
            EndpointModel model = build(Complete.class);
            assertThat(model.endpointClass()).isEqualTo(Complete.class);
            assertThat(model.isServer()).isTrue();
            assertThat(model.handlesErrors()).isTrue();
            assertThat(model.onOpen()).hasToString(Complete.class.getName() + ".open(Session, EndpointConfig, String, int)");
            assertThat(model.onClose()).isNotNull();
            assertThat(model.pathParameterNames()).containsExactly("room", "n");
            // methods are read by name: close, error, onBinary, onPong, onText, open
            assertThat(model.paths()).containsExactly(new ParamPath("room", String.class),
                    new ParamPath("n", Integer.class), new ParamPath("n", int.class));
            List<AnnotatedMessageMethod> methods = model.messageMethods();
            assertThat(methods).extracting(AnnotatedMessageMethod::kind)
                    .containsExactly(MessageKind.BINARY, MessageKind.PONG, MessageKind.TEXT);
            AnnotatedMessageMethod binary = methods.get(0);
            assertThat(binary.partial()).isFalse();
            assertThat(binary.maxMessageSize()).isEqualTo(2000);
            assertThat(binary.limitsSize()).isTrue();
            assertThat(binary.method().returnsValue()).isTrue();
            AnnotatedMessageMethod text = methods.get(2);
            assertThat(text.partial()).isTrue();
            assertThat(text.messageType()).isEqualTo(String.class);
            assertThat(text.maxMessageSize()).isEqualTo(1000);
            assertThat(text.limitsSize()).as("parts are not buffered, so the limit does not apply").isFalse();
        }

        @Test
        void nothingAnnotated() throws DeploymentException {
            EndpointModel model = build(Empty.class);
            assertThat(model.messageMethods()).isEmpty();
            assertThat(model.onOpen()).isNull();
            assertThat(model.handlesErrors()).isFalse();
            assertThat(model.pathParameterNames()).isEmpty();
        }

        public static class Kinds {
            @OnMessage
            public void text(Reader reader, Session session) {
            }

            @OnMessage
            public void binary(InputStream in) {
            }
        }

        @Test
        void streams() throws DeploymentException {
            EndpointModel model = build(Kinds.class);
            assertThat(model.messageMethods()).extracting(AnnotatedMessageMethod::kind)
                    .containsExactly(MessageKind.BINARY_STREAM, MessageKind.TEXT_STREAM);
        }

        public static class BooleanMessage {
            @OnMessage
            public boolean toggle(boolean on) {
                return !on;
            }

            @OnMessage
            public void bytes(byte[] part, boolean last) {
            }
        }

        @Test
        void aLoneBooleanIsTheMessageAndBesideBytesIsLast() throws DeploymentException {
            List<AnnotatedMessageMethod> methods = build(BooleanMessage.class).messageMethods();
            assertThat(methods.get(0).kind()).isEqualTo(MessageKind.BINARY);
            assertThat(methods.get(0).partial()).isTrue();
            assertThat(methods.get(1).kind()).isEqualTo(MessageKind.TEXT);
            assertThat(methods.get(1).partial()).isFalse();
            assertThat(methods.get(1).handlerType()).isEqualTo(Boolean.class);
        }

        public static class Decoded {
            @OnMessage
            public GoldenApple text(Apple apple) {
                return null;
            }
        }

        @Test
        void decodedParameterAndEncodedReturn() throws DeploymentException {
            EndpointModel model = EndpointModel.build(Decoded.class, List.of(AppleBinaryStream.class),
                    List.of(AppleTextEncoder.class), true);
            assertThat(model.messageMethods().get(0).kind()).isEqualTo(MessageKind.BINARY_STREAM);
            assertThat(model.codecTypes().decoderClasses()).containsExactly(AppleBinaryStream.class);
        }

        public static class Returns {
            @OnMessage
            public int text(String text) {
                return 0;
            }

            @OnMessage
            public byte[] binary(ByteBuffer bytes) {
                return null;
            }

            @OnMessage
            public ByteBuffer pong(PongMessage pong) {
                return null;
            }
        }

        @Test
        void nativeReturnTypes() throws DeploymentException {
            assertThat(build(Returns.class).messageMethods()).hasSize(3);
        }

        public static class Client {
            @OnOpen
            public void open(Session session) {
            }
        }

        @Test
        void clientEndpoint() throws DeploymentException {
            assertThat(EndpointModel.build(Client.class, List.of(), List.of(), false).isServer()).isFalse();
        }
    }

    // ---------------------------------------------------------------- class

    static class Hidden {
    }

    @Test
    void endpointClassMustBePublic() {
        assertThat(failure(Hidden.class)).isEqualTo(Hidden.class.getName()
                + ": an endpoint class must be public; the container calls its methods from outside its package");
    }

    public static class BadDecoder {
    }

    @Test
    void unfitDecoderIsReportedWithTheEndpoint() {
        assertThat(failure(BadDecoder.class, List.of(RawDecoder.class), List.of(), true)).isEqualTo(
                BadDecoder.class.getName() + ": decoder " + RawDecoder.class.getName() + ": cannot tell which type its "
                        + "Decoder.Text decodes to; implement Decoder.Text with a concrete type argument, e.g. "
                        + "Decoder.Text<Message>");
    }

    // ---------------------------------------------------------------- lifecycle methods

    @Nested
    class Lifecycle {
        public static class TwoOpens {
            @OnOpen
            public void a() {
            }

            @OnOpen
            public void b(Session session) {
            }
        }

        public static class TwoCloses {
            @OnClose
            public void a() {
            }

            @OnClose
            public void b() {
            }
        }

        public static class TwoErrors {
            @OnError
            public void a(Throwable t) {
            }

            @OnError
            public void b(Throwable t) {
            }
        }

        @Test
        void atMostOneOfEach() {
            assertThat(failure(TwoOpens.class)).isEqualTo(at(TwoOpens.class, "b(Session)") + "a second @OnOpen method; "
                    + TwoOpens.class.getName() + ".a() already is one, and an endpoint has at most one");
            assertThat(failure(TwoCloses.class)).isEqualTo(at(TwoCloses.class, "b()") + "a second @OnClose method; "
                    + TwoCloses.class.getName() + ".a() already is one, and an endpoint has at most one");
            assertThat(failure(TwoErrors.class)).isEqualTo(at(TwoErrors.class, "b(Throwable)")
                    + "a second @OnError method; " + TwoErrors.class.getName()
                    + ".a(Throwable) already is one, and an endpoint has at most one");
        }

        public static class OpenAndClose {
            @OnOpen
            @OnClose
            public void both(Session session) {
            }
        }

        public static class CloseAndMessage {
            @OnClose
            @OnMessage
            @OnError
            public void all(String text) {
            }
        }

        @Test
        void oneAnnotationPerMethod() {
            assertThat(failure(OpenAndClose.class)).isEqualTo(at(OpenAndClose.class, "both(Session)")
                    + "has @OnOpen and @OnClose; a method takes only one of @OnOpen, @OnClose, @OnError and @OnMessage");
            assertThat(failure(CloseAndMessage.class)).isEqualTo(at(CloseAndMessage.class, "all(String)")
                    + "has @OnClose, @OnError and @OnMessage; a method takes only one of @OnOpen, @OnClose, @OnError "
                    + "and @OnMessage");
        }

        public static class OpenWithString {
            @OnOpen
            public void open(Session session, String text) {
            }
        }

        public static class OpenWithTwoSessions {
            @OnOpen
            public void open(Session a, Session b) {
            }
        }

        public static class OpenWithTwoConfigs {
            @OnOpen
            public void open(EndpointConfig a, EndpointConfig b) {
            }
        }

        public static class OpenWithCloseReason {
            @OnOpen
            public void open(CloseReason reason) {
            }
        }

        @Test
        void onOpenParameters() {
            assertThat(failure(OpenWithString.class)).isEqualTo(at(OpenWithString.class, "open(Session, String)")
                    + "@OnOpen parameter String is not allowed; @OnOpen takes an optional Session, an optional "
                    + "EndpointConfig and @PathParam parameters");
            assertThat(failure(OpenWithTwoSessions.class)).isEqualTo(at(OpenWithTwoSessions.class,
                    "open(Session, Session)") + "@OnOpen has two Session parameters; it takes at most one");
            assertThat(failure(OpenWithTwoConfigs.class)).isEqualTo(at(OpenWithTwoConfigs.class,
                    "open(EndpointConfig, EndpointConfig)")
                    + "@OnOpen has two EndpointConfig parameters; it takes at most one");
            assertThat(failure(OpenWithCloseReason.class)).isEqualTo(at(OpenWithCloseReason.class,
                    "open(CloseReason)") + "@OnOpen parameter CloseReason is not allowed; @OnOpen takes an optional "
                    + "Session, an optional EndpointConfig and @PathParam parameters");
        }

        public static class CloseWithConfig {
            @OnClose
            public void close(EndpointConfig config) {
            }
        }

        public static class CloseWithTwoReasons {
            @OnClose
            public void close(CloseReason a, Session session, CloseReason b) {
            }
        }

        @Test
        void onCloseParameters() {
            assertThat(failure(CloseWithConfig.class)).isEqualTo(at(CloseWithConfig.class, "close(EndpointConfig)")
                    + "@OnClose parameter EndpointConfig is not allowed; @OnClose takes an optional Session, an optional "
                    + "CloseReason and @PathParam parameters");
            assertThat(failure(CloseWithTwoReasons.class)).isEqualTo(at(CloseWithTwoReasons.class,
                    "close(CloseReason, Session, CloseReason)")
                    + "@OnClose has two CloseReason parameters; it takes at most one");
        }

        public static class ErrorWithoutThrowable {
            @OnError
            public void error(Session session) {
            }
        }

        public static class ErrorWithException {
            @OnError
            public void error(Exception e) {
            }
        }

        public static class ErrorWithTwoThrowables {
            @OnError
            public void error(Throwable a, Throwable b) {
            }
        }

        @Test
        void onErrorParameters() {
            assertThat(failure(ErrorWithoutThrowable.class)).isEqualTo(at(ErrorWithoutThrowable.class,
                    "error(Session)") + "@OnError has no Throwable parameter; @OnError takes a Throwable, an optional "
                    + "Session and @PathParam parameters");
            assertThat(failure(ErrorWithException.class)).isEqualTo(at(ErrorWithException.class, "error(Exception)")
                    + "@OnError parameter Exception is not allowed; @OnError takes a Throwable, an optional Session and "
                    + "@PathParam parameters");
            assertThat(failure(ErrorWithTwoThrowables.class)).isEqualTo(at(ErrorWithTwoThrowables.class,
                    "error(Throwable, Throwable)") + "@OnError has two Throwable parameters; it takes at most one");
        }

        public static class PackagePrivateOpen {
            @OnOpen
            void open() {
            }
        }

        public static class ProtectedClose {
            @OnClose
            protected void close() {
            }
        }

        public static class StaticError {
            @OnError
            public static void error(Throwable t) {
            }
        }

        @Test
        void methodsArePublicInstanceMethods() {
            assertThat(failure(PackagePrivateOpen.class)).isEqualTo(at(PackagePrivateOpen.class, "open()")
                    + "@OnOpen method is not public; the container calls only public methods");
            assertThat(failure(ProtectedClose.class)).isEqualTo(at(ProtectedClose.class, "close()")
                    + "@OnClose method is not public; the container calls only public methods");
            assertThat(failure(StaticError.class)).isEqualTo(at(StaticError.class, "error(Throwable)")
                    + "@OnError method is static; callbacks are called on the connection's endpoint instance");
        }
    }

    // ---------------------------------------------------------------- @OnMessage

    @Nested
    class Message {
        public static class TwoMessages {
            @OnMessage
            public void onText(String a, String b) {
            }
        }

        public static class ThreeMessages {
            @OnMessage
            public void onText(String a, Session session, ByteBuffer b, Reader c) {
            }
        }

        @Test
        void exactlyOneMessageParameter() {
            assertThat(failure(TwoMessages.class)).isEqualTo(at(TwoMessages.class, "onText(String, String)")
                    + "@OnMessage has two message parameters (String, String); an @OnMessage method takes exactly one");
            assertThat(failure(ThreeMessages.class)).isEqualTo(at(ThreeMessages.class,
                    "onText(String, Session, ByteBuffer, Reader)") + "@OnMessage has three message parameters (String, "
                    + "ByteBuffer, Reader); an @OnMessage method takes exactly one");
        }

        public static class NoMessage {
            @OnMessage
            public void onText(Session session, @PathParam("id") String id) {
            }
        }

        @Test
        void noMessageParameter() {
            assertThat(failure(NoMessage.class)).isEqualTo(at(NoMessage.class, "onText(Session, String)")
                    + "@OnMessage has no message parameter; it takes exactly one (String, Reader, a primitive or its "
                    + "box, ByteBuffer, byte[], InputStream, PongMessage or a type a configured decoder produces)");
        }

        public static class Undecodable {
            @OnMessage
            public void onApple(Apple apple) {
            }
        }

        public static class ObjectMessage {
            @OnMessage
            public void onAnything(Object message) {
            }
        }

        @Test
        void messageTypeNeedsADecoder() throws DeploymentException {
            assertThat(failure(Undecodable.class)).isEqualTo(at(Undecodable.class, "onApple(Apple)")
                    + "@OnMessage parameter Apple is not a message type and no configured decoder produces it; take "
                    + "String, Reader, a primitive or its box, ByteBuffer, byte[], InputStream, PongMessage or a type a "
                    + "configured decoder produces, or add a decoder for " + Apple.class.getName());
            assertThat(failure(ObjectMessage.class)).startsWith(at(ObjectMessage.class, "onAnything(Object)")
                    + "@OnMessage parameter Object is not a message type");
            // a decoder producing Apples serves Apple and Object parameters
            EndpointModel.build(Undecodable.class, List.of(AppleText.class), List.of(), true);
            EndpointModel.build(ObjectMessage.class, List.of(AppleText.class), List.of(), true);
        }

        public static class PartialReader {
            @OnMessage
            public void onText(Reader reader, boolean last) {
            }
        }

        public static class PartialInt {
            @OnMessage
            public void onText(boolean last, int number) {
            }
        }

        public static class PartialBoolean {
            @OnMessage
            public void onText(boolean message, boolean last) {
            }
        }

        public static class PartialBox {
            @OnMessage
            public void onText(String message, Boolean last) {
            }
        }

        @Test
        void partsOnlyAsStringByteBufferOrByteArray() {
            String rule = "@OnMessage has a boolean 'last' parameter, so it receives messages in parts, but parts come "
                    + "only as String, ByteBuffer or byte[], not ";
            assertThat(failure(PartialReader.class)).isEqualTo(at(PartialReader.class, "onText(Reader, boolean)")
                    + rule + "Reader");
            assertThat(failure(PartialInt.class)).isEqualTo(at(PartialInt.class, "onText(boolean, int)") + rule + "int");
            assertThat(failure(PartialBoolean.class)).isEqualTo(at(PartialBoolean.class, "onText(boolean, boolean)")
                    + rule + "boolean");
            assertThat(failure(PartialBox.class)).isEqualTo(at(PartialBox.class, "onText(String, Boolean)")
                    + "@OnMessage has two message parameters (String, Boolean); an @OnMessage method takes exactly one");
        }

        public static class TwoText {
            @OnMessage
            public void onA(String text) {
            }

            @OnMessage
            public void onB(Reader text) {
            }
        }

        public static class TwoBinary {
            @OnMessage
            public void onA(InputStream in) {
            }

            @OnMessage
            public void onB(byte[] part, boolean last) {
            }
        }

        public static class TwoPong {
            @OnMessage
            public void onA(PongMessage pong) {
            }

            @OnMessage
            public void onB(PongMessage pong, Session session) {
            }
        }

        public static class DecodedAndString {
            @OnMessage
            public void onApple(Apple apple) {
            }

            @OnMessage
            public void onText(String text) {
            }
        }

        @Test
        void oneMethodPerNativeMessageType() {
            String rule = " already receives them, and an endpoint has at most one @OnMessage method each for text, "
                    + "binary and pong messages";
            assertThat(failure(TwoText.class)).isEqualTo(at(TwoText.class, "onB(Reader)")
                    + "a second @OnMessage method for text messages; " + TwoText.class.getName() + ".onA(String)" + rule);
            assertThat(failure(TwoBinary.class)).isEqualTo(at(TwoBinary.class, "onB(byte[], boolean)")
                    + "a second @OnMessage method for binary messages; " + TwoBinary.class.getName()
                    + ".onA(InputStream)" + rule);
            assertThat(failure(TwoPong.class)).isEqualTo(at(TwoPong.class, "onB(PongMessage, Session)")
                    + "a second @OnMessage method for pong messages; " + TwoPong.class.getName() + ".onA(PongMessage)"
                    + rule);
            assertThat(failure(DecodedAndString.class, List.of(AppleText.class), List.of(), true)).isEqualTo(
                    at(DecodedAndString.class, "onText(String)") + "a second @OnMessage method for text messages; "
                            + DecodedAndString.class.getName() + ".onApple(Apple)" + rule);
        }

        public static class ReturnsApple {
            @OnMessage
            public Apple onText(String text) {
                return null;
            }
        }

        public static class ReturnsObject {
            @OnMessage
            public Object onText(String text) {
                return null;
            }
        }

        @Test
        void returnTypeMustBeSendable() throws DeploymentException {
            assertThat(failure(ReturnsApple.class)).isEqualTo(at(ReturnsApple.class, "onText(String)")
                    + "@OnMessage returns Apple, which cannot be sent back: return void, String, ByteBuffer, byte[], a "
                    + "primitive or its box, or configure an encoder for " + Apple.class.getName());
            assertThat(failure(ReturnsObject.class, List.of(), List.of(AppleTextEncoder.class), true))
                    .startsWith(at(ReturnsObject.class, "onText(String)") + "@OnMessage returns Object, which cannot");
            EndpointModel.build(ReturnsApple.class, List.of(), List.of(AppleTextEncoder.class), true);
        }

        public static class TooLarge {
            @OnMessage(maxMessageSize = Integer.MAX_VALUE + 1L)
            public void onText(String text) {
            }
        }

        public static class Negative {
            @OnMessage(maxMessageSize = -2)
            public void onText(String text) {
            }
        }

        public static class Largest {
            @OnMessage(maxMessageSize = Integer.MAX_VALUE)
            public void onText(String text) {
            }
        }

        @Test
        void maxMessageSize() throws DeploymentException {
            assertThat(failure(TooLarge.class)).isEqualTo(at(TooLarge.class, "onText(String)")
                    + "@OnMessage(maxMessageSize = 2147483648) is larger than 2147483647, the largest message a String "
                    + "or ByteBuffer can hold");
            assertThat(failure(Negative.class)).isEqualTo(at(Negative.class, "onText(String)")
                    + "@OnMessage(maxMessageSize = -2) is neither -1 (no limit) nor a size in bytes");
            assertThat(build(Largest.class).messageMethods().get(0).maxMessageSize()).isEqualTo(Integer.MAX_VALUE);
        }

        public static class StaticMessage {
            @OnMessage
            public static void onText(String text) {
            }
        }

        public static class PrivateMessage {
            @OnMessage
            private void onText(String text) {
            }
        }

        @Test
        void publicInstanceMethods() {
            assertThat(failure(StaticMessage.class)).isEqualTo(at(StaticMessage.class, "onText(String)")
                    + "@OnMessage method is static; callbacks are called on the connection's endpoint instance");
            assertThat(failure(PrivateMessage.class)).isEqualTo(at(PrivateMessage.class, "onText(String)")
                    + "@OnMessage method is not public; the container calls only public methods");
        }
    }

    // ---------------------------------------------------------------- @PathParam

    @Nested
    class Paths {
        public static class ClientWithPath {
            @OnOpen
            public void open(@PathParam("id") String id) {
            }
        }

        @Test
        void onlyOnServerEndpoints() {
            assertThat(failure(ClientWithPath.class, List.of(), List.of(), false)).isEqualTo(
                    at(ClientWithPath.class, "open(String)")
                            + "@PathParam(\"id\") on a client endpoint; path parameters exist only on server endpoints");
        }

        public static class ApplePath {
            @OnMessage
            public void onText(String text, @PathParam("id") Apple id) {
            }
        }

        public static class ObjectPath {
            @OnError
            public void error(Throwable t, @PathParam("id") Object id) {
            }
        }

        @Test
        void stringPrimitiveOrBox() {
            assertThat(failure(ApplePath.class)).isEqualTo(at(ApplePath.class, "onText(String, Apple)")
                    + "@PathParam(\"id\") parameter has type Apple; a path parameter must be a String, a primitive or a "
                    + "primitive's box");
            assertThat(failure(ObjectPath.class)).isEqualTo(at(ObjectPath.class, "error(Throwable, Object)")
                    + "@PathParam(\"id\") parameter has type Object; a path parameter must be a String, a primitive or "
                    + "a primitive's box");
        }

        public static class EmptyName {
            @OnClose
            public void close(@PathParam("") String id) {
            }
        }

        @Test
        void nameIsNotEmpty() {
            assertThat(failure(EmptyName.class)).isEqualTo(at(EmptyName.class, "close(String)")
                    + "@PathParam has an empty name; it must name a variable of the endpoint's path template");
        }

        public static class AllTypes {
            @OnOpen
            public void open(@PathParam("a") String a, @PathParam("b") int b, @PathParam("c") Long c,
                    @PathParam("d") char d, @PathParam("e") Boolean e, @PathParam("f") double f,
                    @PathParam("g") short g, @PathParam("h") Byte h, @PathParam("i") float i) {
            }

            @OnClose
            public void close(@PathParam("b") int b, @PathParam("a") String a) {
            }
        }

        @Test
        void sharedAcrossMethods() throws DeploymentException {
            EndpointModel model = build(AllTypes.class);
            // close is read before open
            assertThat(model.pathParameterNames()).containsExactly("b", "a", "c", "d", "e", "f", "g", "h", "i");
            assertThat(model.paths()).hasSize(9);
        }
    }
}
