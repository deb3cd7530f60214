package dev.freeway.container.annotated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import org.junit.jupiter.api.Test;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Spec §4.8: annotations count on the class declaring them; an override decides for itself, annotated or
 * not. Only the superclass chain is searched.
 */
class EndpointInheritanceTest {

    private static EndpointModel build(Class<?> endpoint) throws DeploymentException {
        return EndpointModel.build(endpoint, List.of(), List.of(), true);
    }

    /** Delivers {@code text} to the endpoint's one text handler. */
    @SuppressWarnings("unchecked")
    private static void deliver(EndpointModel model, Object instance, String text) {
        List<AnnotatedHandlers.Registration> handlers = AnnotatedHandlers.create(model, instance, null, null);
        assertThat(handlers).hasSize(1);
        ((MessageHandler.Whole<Object>) handlers.get(0).handler()).onMessage(text);
    }

    public abstract static class ChatBase {
        final List<String> calls = new ArrayList<>();

        @OnOpen
        public void open() {
            calls.add("open");
        }

        @OnMessage
        public void onText(String text) {
            calls.add("base " + text);
        }
    }

    public static class InheritsAll extends ChatBase {
    }

    public static class Silenced extends ChatBase {
        @Override
        public void onText(String text) {
            calls.add("silenced " + text);
        }
    }

    public static class Reannotated extends ChatBase {
        @Override
        @OnMessage
        public void onText(String text) {
            calls.add("sub " + text);
        }
    }

    public static class AddsSecondText extends ChatBase {
        @OnMessage
        public void onReader(Reader reader) {
        }
    }

    @Test
    void annotatedSuperclassMethodsCountWhenNotOverridden() throws DeploymentException {
        EndpointModel model = build(InheritsAll.class);
        assertThat(model.onOpen()).hasToString(ChatBase.class.getName() + ".open()");
        InheritsAll endpoint = new InheritsAll();
        deliver(model, endpoint, "hi");
        assertThat(endpoint.calls).containsExactly("base hi");
    }

    @Test
    void unannotatedOverrideSilencesTheCallback() throws DeploymentException {
        EndpointModel model = build(Silenced.class);
        assertThat(model.messageMethods()).isEmpty();
        assertThat(model.onOpen()).isNotNull();
    }

    @Test
    void annotatedOverrideReplacesIt() throws DeploymentException {
        EndpointModel model = build(Reannotated.class);
        Reannotated endpoint = new Reannotated();
        deliver(model, endpoint, "hi");
        assertThat(endpoint.calls).containsExactly("sub hi");
    }

    @Test
    void inheritedCallbacksCountInTheRules() {
        DeploymentException e = catchThrowableOfType(DeploymentException.class, () -> build(AddsSecondText.class));
        assertThat(e).hasMessage(ChatBase.class.getName() + ".onText(String) (inherited by "
                + AddsSecondText.class.getName() + "): a second @OnMessage method for text messages; "
                + AddsSecondText.class.getName() + ".onReader(Reader) already receives them, and an endpoint has at "
                + "most one @OnMessage method each for text, binary and pong messages");
    }

    public abstract static class GenericBase<T> {
        final List<String> calls = new ArrayList<>();

        @OnMessage
        public void on(T message) {
            calls.add("base " + message);
        }
    }

    public static class StringChild extends GenericBase<String> {
        @Override
        @OnMessage
        public void on(String message) {
            calls.add("child " + message);
        }
    }

    public static class QuietChild extends GenericBase<String> {
        @Override
        public void on(String message) {
        }
    }

    public static class RawChild extends GenericBase<String> {
    }

    @Test
    void bridgeMethodsOverrideButAreNotCallbacks() throws DeploymentException {
        // javac gives StringChild a bridge on(Object) carrying the annotation; it must neither count twice
        // nor leave GenericBase.on(Object) in effect
        EndpointModel model = build(StringChild.class);
        assertThat(model.messageMethods()).singleElement().satisfies(m -> {
            assertThat(m.messageType()).isEqualTo(String.class);
            assertThat(m.method()).hasToString(StringChild.class.getName() + ".on(String)");
        });
        StringChild endpoint = new StringChild();
        deliver(model, endpoint, "hi");
        assertThat(endpoint.calls).containsExactly("child hi");
        assertThat(build(QuietChild.class).messageMethods()).isEmpty();
    }

    @Test
    void erasedTypeVariableIsObject() {
        DeploymentException e = catchThrowableOfType(DeploymentException.class, () -> build(RawChild.class));
        assertThat(e).hasMessageStartingWith(GenericBase.class.getName() + ".on(Object) (inherited by "
                + RawChild.class.getName() + "): @OnMessage parameter Object is not a message type");
    }

    abstract static class HiddenBase {
        final List<String> calls = new ArrayList<>();

        @OnMessage
        public void onText(String text) {
            calls.add("hidden " + text);
        }
    }

    public static class VisibleChild extends HiddenBase {
    }

    @Test
    void publicMethodOfNonPublicSuperclassIsCalledThroughThePublicClass() throws DeploymentException {
        EndpointModel model = build(VisibleChild.class);
        VisibleChild endpoint = new VisibleChild();
        deliver(model, endpoint, "hi");
        assertThat(endpoint.calls).containsExactly("hidden hi");
    }

    public interface Defaults {
        @OnMessage
        default void onText(String text) {
        }
    }

    public static class WithDefault implements Defaults {
    }

    @Test
    void interfaceMethodsAreNotSearched() throws DeploymentException {
        assertThat(build(WithDefault.class).messageMethods()).isEmpty();
    }

    public abstract static class PrivateBase {
        @OnOpen
        private void open() {
        }
    }

    public static class PrivateChild extends PrivateBase {
    }

    @Test
    void inheritedErrorsNameTheDeclaringClassAndTheEndpoint() {
        DeploymentException e = catchThrowableOfType(DeploymentException.class, () -> build(PrivateChild.class));
        assertThat(e).hasMessage(PrivateBase.class.getName() + ".open() (inherited by " + PrivateChild.class.getName()
                + "): @OnOpen method is not public; the container calls only public methods");
    }
}
