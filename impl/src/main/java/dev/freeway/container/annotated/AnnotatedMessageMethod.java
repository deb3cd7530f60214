package dev.freeway.container.annotated;

import dev.freeway.container.codec.CodecPrimitives;
import dev.freeway.container.codec.MessageKind;

/**
 * An {@code @OnMessage} method as read at deployment.
 *
 * @param method         the method, ready to call
 * @param kind           the kind of message it receives; partial methods have TEXT or BINARY
 * @param messageType    the declared type of its message parameter (a primitive stays primitive)
 * @param partial        whether it receives the message in parts, with a {@code boolean last} parameter
 * @param maxMessageSize the annotation's {@code maxMessageSize}; -1 for none. Only whole, buffered
 *                       messages are limited by it (OnMessage javadoc)
 */
record AnnotatedMessageMethod(AnnotatedMethod method, MessageKind kind, Class<?> messageType, boolean partial,
        long maxMessageSize) {

    /** The class to register the handler for: the box of a primitive, else the declared type. */
    Class<?> handlerType() {
        return CodecPrimitives.box(messageType);
    }

    /** Whether {@link #maxMessageSize} applies: whole messages of a buffered kind with a limit set. */
    boolean limitsSize() {
        return maxMessageSize != -1 && !partial && (kind == MessageKind.TEXT || kind == MessageKind.BINARY);
    }
}
