package dev.freeway.container.annotated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DecodeException;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What can be run without a Session: @OnClose and @OnError calls, and the message handlers built for
 * the @OnMessage methods, with a null Session. Opening a connection is covered end to end by the session
 * tests.
 */
class AnnotatedEndpointTest {

    public static class Recording {
        final List<String> calls = new ArrayList<>();

        @OnClose
        public void close(CloseReason reason, Session session) {
            calls.add("close " + reason.getCloseCode().getCode() + " " + reason.getReasonPhrase() + " " + session);
        }

        @OnError
        public void error(@PathParam("n") int n, Throwable error, @PathParam("room") String room) {
            calls.add("error " + error.getMessage() + " n=" + n + " room=" + room);
        }

        @OnMessage
        public void text(@PathParam("room") String room, int number, Session session) {
            calls.add("text " + number + " in " + room + " " + session);
        }

        @OnMessage
        public String binary(ByteBuffer part, boolean last) {
            calls.add("binary " + part.remaining() + (last ? " last" : " more"));
            return null; // nothing to send, so no Session is needed
        }

        @OnMessage
        public void pong(PongMessage pong) {
            calls.add("pong");
        }
    }

    public static class Throwing {
        @OnClose
        public void close(CloseReason reason) throws IOException {
            throw new IOException(reason.getReasonPhrase());
        }

        @OnMessage
        public void text(String text) {
            if (text.equals("error")) {
                throw new AssertionError("an error");
            }
            throw new IllegalStateException(text);
        }

        @OnMessage
        public void binary(byte[] bytes) throws DecodeException {
            throw new DecodeException(ByteBuffer.wrap(bytes), "bad bytes");
        }
    }

    public static class Silent {
    }

    private static AnnotatedEndpoint endpoint(Object instance) throws DeploymentException {
        return new AnnotatedEndpoint(EndpointModel.build(instance.getClass(), List.of(), List.of(), true), instance);
    }

    @Test
    void onCloseCallsTheMethod() throws DeploymentException {
        Recording recording = new Recording();
        endpoint(recording).onClose(null, new CloseReason(CloseCodes.GOING_AWAY, "bye"));
        assertThat(recording.calls).containsExactly("close 1001 bye null");
    }

    @Test
    void onErrorBeforeOpenSeesDefaultPathValues() throws DeploymentException {
        Recording recording = new Recording();
        AnnotatedEndpoint endpoint = endpoint(recording);
        assertThat(endpoint.handlesErrors()).isTrue();
        endpoint.onError(null, new IllegalStateException("boom"));
        assertThat(recording.calls).containsExactly("error boom n=0 room=null");
    }

    @Test
    void onErrorUnwrapsCheckedExceptionsCarriedOutOfCallbacks() throws DeploymentException {
        Recording recording = new Recording();
        endpoint(recording).onError(null, new AnnotatedCallException(new IOException("io")));
        assertThat(recording.calls).containsExactly("error io n=0 room=null");
    }

    @Test
    void withoutOnErrorNothingHappens() throws DeploymentException {
        AnnotatedEndpoint endpoint = endpoint(new Silent());
        assertThat(endpoint.handlesErrors()).isFalse();
        endpoint.onError(null, new IllegalStateException("for the session to log"));
        endpoint.onClose(null, new CloseReason(CloseCodes.NORMAL_CLOSURE, ""));
    }

    @Test
    void checkedExceptionsAreCarriedAndUnwrapped() throws DeploymentException {
        Throwable thrown = catchThrowable(() -> endpoint(new Throwing())
                .onClose(null, new CloseReason(CloseCodes.NORMAL_CLOSURE, "closing")));
        assertThat(thrown).isInstanceOf(AnnotatedCallException.class);
        assertThat(AnnotatedEndpoint.unwrap(thrown)).isInstanceOf(IOException.class).hasMessage("closing");
        IllegalStateException plain = new IllegalStateException();
        assertThat(AnnotatedEndpoint.unwrap(plain)).isSameAs(plain);
    }

    @Test
    @SuppressWarnings("unchecked")
    void handlerExceptionsLeaveAsTheyAre() throws DeploymentException {
        Throwing throwing = new Throwing();
        List<AnnotatedHandlers.Registration> handlers = AnnotatedHandlers.create(
                EndpointModel.build(Throwing.class, List.of(), List.of(), true), throwing, null, null);
        MessageHandler.Whole<Object> binary = (MessageHandler.Whole<Object>) handlers.get(0).handler();
        MessageHandler.Whole<Object> text = (MessageHandler.Whole<Object>) handlers.get(1).handler();
        assertThatThrownBy(() -> text.onMessage("state")).isInstanceOf(IllegalStateException.class).hasMessage("state");
        assertThatThrownBy(() -> text.onMessage("error")).isInstanceOf(AssertionError.class);
        Throwable carried = catchThrowable(() -> binary.onMessage(new byte[] {1}));
        assertThat(AnnotatedEndpoint.unwrap(carried)).isInstanceOf(DecodeException.class).hasMessage("bad bytes");
    }

    @Test
    @SuppressWarnings("unchecked")
    void handlersCallTheMethodsWithBoundParameters() throws DeploymentException {
        Recording recording = new Recording();
        EndpointModel model = EndpointModel.build(Recording.class, List.of(), List.of(), true);
        Object[] pathValues = ParamValues.convert(model.paths(), Map.of("room", "lobby", "n", "3")).values();
        List<AnnotatedHandlers.Registration> handlers = AnnotatedHandlers.create(model, recording, null, pathValues);

        assertThat(handlers).extracting(AnnotatedHandlers.Registration::type)
                .containsExactly(ByteBuffer.class, PongMessage.class, Integer.class);
        assertThat(handlers.get(0).handler()).isInstanceOf(MessageHandler.Partial.class);
        assertThat(handlers.get(1).handler()).isInstanceOf(MessageHandler.Whole.class);

        ((MessageHandler.Partial<Object>) handlers.get(0).handler()).onMessage(ByteBuffer.allocate(5), false);
        ((MessageHandler.Partial<Object>) handlers.get(0).handler()).onMessage(ByteBuffer.allocate(2), true);
        ((MessageHandler.Whole<Object>) handlers.get(1).handler()).onMessage((PongMessage) () -> ByteBuffer.allocate(0));
        ((MessageHandler.Whole<Object>) handlers.get(2).handler()).onMessage(7); // an Integer into an int
        assertThat(recording.calls).containsExactly("binary 5 more", "binary 2 last", "pong", "text 7 in lobby null");
    }

    @Test
    void instanceMustBeOfTheModelsClass() throws DeploymentException {
        EndpointModel model = EndpointModel.build(Recording.class, List.of(), List.of(), true);
        assertThatThrownBy(() -> new AnnotatedEndpoint(model, "not an endpoint"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an endpoint is not a " + Recording.class.getName());
        Recording recording = new Recording();
        AnnotatedEndpoint endpoint = new AnnotatedEndpoint(model, recording);
        assertThat(endpoint.model()).isSameAs(model);
        assertThat(endpoint.instance()).isSameAs(recording);
    }
}
