package dev.freeway.container.annotated;

import dev.freeway.container.codec.MessageKind;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;

/**
 * An annotated endpoint instance running one connection: the programmatic {@link Endpoint} face of an
 * {@link EndpointModel} and the user's object, so the session treats annotated and programmatic
 * endpoints alike.
 *
 * <p>{@link #onOpen} converts the connection's path parameters once, sets the buffer limits of
 * {@code @OnMessage(maxMessageSize)}, registers one message handler per @OnMessage method with the
 * session, then calls @OnOpen. Handlers are registered first so that replies the peer sends to messages
 * sent from @OnOpen find them.
 *
 * <p><b>Errors.</b> Whatever a user method throws leaves these callbacks and the handlers, for the
 * session to catch and pass to {@link #onError} (spec §5.2.2); unchecked exceptions and errors leave as
 * they are, checked ones wrapped in an unchecked carrier that {@link #unwrap(Throwable)} removes. The
 * session should always unwrap before calling {@code onError}. A path parameter that cannot be
 * converted makes {@code onOpen} throw a {@code DecodeException} (WSC-4.3-6) before any handler is
 * registered or @OnOpen runs; @OnClose and @OnError then see that parameter's default value (null or
 * zero). When the endpoint has no @OnError ({@link #handlesErrors()} is false), {@code onError} does
 * nothing and the session must log the error itself (WSC-5.2.2-3).
 *
 * <p>The session calls one callback at a time (spec §5.1); the path values are published through a
 * volatile field because callbacks may run on different threads.
 */
public final class AnnotatedEndpoint extends Endpoint {
    private final EndpointModel model;
    private final Object instance;
    private volatile ParamValues pathValues = ParamValues.NONE;

    /**
     * @param model    the endpoint class's model
     * @param instance the instance serving this connection; an instance of the model's class or a subclass
     *                 (such as a CDI proxy)
     */
    public AnnotatedEndpoint(EndpointModel model, Object instance) {
        if (!model.endpointClass().isInstance(instance)) {
            throw new IllegalArgumentException(instance + " is not a " + model.endpointClass().getName());
        }
        this.model = model;
        this.instance = instance;
    }

    /** The model this endpoint runs. */
    public EndpointModel model() {
        return model;
    }

    /** The user's endpoint object. */
    public Object instance() {
        return instance;
    }

    /** Whether the endpoint has an @OnError method; if not, the session logs errors instead. */
    public boolean handlesErrors() {
        return model.handlesErrors();
    }

    /**
     * The exception a user method really threw: removes the unchecked carrier this class wraps checked
     * exceptions in; any other throwable is returned as is.
     */
    public static Throwable unwrap(Throwable thrown) {
        return thrown instanceof AnnotatedCallException carrier ? carrier.getCause() : thrown;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        ParamValues values = ParamValues.convert(model.paths(), session.getPathParameters());
        pathValues = values;
        if (values.failure() != null) {
            throw new AnnotatedCallException(values.failure());
        }
        for (AnnotatedHandlers.Registration registration
                : AnnotatedHandlers.create(model, instance, session, values.values())) {
            AnnotatedMessageMethod method = registration.method();
            if (method.limitsSize()) {
                if (method.kind() == MessageKind.TEXT) {
                    session.setMaxTextMessageBufferSize((int) method.maxMessageSize());
                } else {
                    session.setMaxBinaryMessageBufferSize((int) method.maxMessageSize());
                }
            }
            registration.addTo(session);
        }
        if (model.onOpen() != null) {
            model.onOpen().invoke(instance, session, values.values(), config, false);
        }
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        if (model.onClose() != null) {
            model.onClose().invoke(instance, session, pathValues.values(), closeReason, false);
        }
    }

    @Override
    public void onError(Session session, Throwable thrown) {
        if (model.onError() != null) {
            model.onError().invoke(instance, session, pathValues.values(), unwrap(thrown), false);
        }
    }

    @Override
    public String toString() {
        return "AnnotatedEndpoint[" + model.endpointClass().getName() + "]";
    }
}
