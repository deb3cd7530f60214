package dev.freeway.container.annotated;

import jakarta.websocket.EncodeException;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the @OnMessage methods of an endpoint into the message handlers of one connection, so annotated
 * endpoints go through the same {@code Session.addMessageHandler} path as programmatic ones: the session
 * decodes, buffers or streams, and the handler only calls the method and sends back what it returns.
 */
final class AnnotatedHandlers {
    private AnnotatedHandlers() {
    }

    /** A handler and the class to register it for. */
    record Registration(Class<?> type, MessageHandler handler, AnnotatedMessageMethod method) {

        /** Registers the handler, typed by {@link #type()} so the session needs no generic type lookup. */
        @SuppressWarnings({"unchecked", "rawtypes"})
        void addTo(Session session) {
            if (handler instanceof MessageHandler.Partial partial) {
                session.addMessageHandler((Class) type, partial);
            } else {
                session.addMessageHandler((Class) type, (MessageHandler.Whole) handler);
            }
        }
    }

    /** One handler per @OnMessage method of {@code model}, calling it on {@code instance}. */
    static List<Registration> create(EndpointModel model, Object instance, Session session, Object[] pathValues) {
        List<Registration> registrations = new ArrayList<>();
        for (AnnotatedMessageMethod method : model.messageMethods()) {
            AnnotatedMethod target = method.method();
            MessageHandler handler;
            if (method.partial()) {
                handler = (MessageHandler.Partial<Object>) (part, last) ->
                        reply(session, target, target.invoke(instance, session, pathValues, part, last));
            } else {
                handler = (MessageHandler.Whole<Object>) message ->
                        reply(session, target, target.invoke(instance, session, pathValues, message, true));
            }
            registrations.add(new Registration(method.handlerType(), handler, method));
        }
        return registrations;
    }

    /**
     * Sends what an @OnMessage method returned (spec: a non-void return value is a message to the peer).
     * A null return sends nothing. Failures to send reach the endpoint's error handling (OnMessage javadoc).
     */
    private static void reply(Session session, AnnotatedMethod method, Object result) {
        if (result == null || !method.returnsValue()) {
            return;
        }
        try {
            session.getBasicRemote().sendObject(result);
        } catch (IOException | EncodeException e) {
            throw new AnnotatedCallException(e);
        }
    }
}
