package dev.freeway.container.annotated;

import dev.freeway.container.codec.CodecPrimitives;
import dev.freeway.container.codec.CodecTypes;
import dev.freeway.container.codec.MessageKind;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the parameters and return type of each annotated method against the spec and turns the method
 * into an {@link AnnotatedMethod}. One reader per endpoint class; it collects the endpoint's
 * {@code @PathParam}s as it goes so that all methods share one list of converted values.
 *
 * <p>Rules (spec chapter 4 and the annotations' javadoc):
 * <ul>
 * <li>{@code @OnOpen}: an optional Session, an optional EndpointConfig and path parameters (§4.4);</li>
 * <li>{@code @OnClose}: an optional Session, an optional CloseReason and path parameters (§4.5);</li>
 * <li>{@code @OnError}: a mandatory Throwable, an optional Session and path parameters (§4.6);</li>
 * <li>{@code @OnMessage}: exactly one message parameter, a {@code boolean last} only beside a String,
 * ByteBuffer or byte[], an optional Session and path parameters, in any order (OnMessage javadoc);</li>
 * <li>{@code @PathParam}: a String, a primitive or a box (§4.3), on server endpoints only.</li>
 * </ul>
 * Parameter types are matched exactly: "an optional Session parameter" is a {@code Session}. Return
 * values of the lifecycle methods are ignored, as the spec gives them no meaning.
 */
final class AnnotatedMethodReader {
    private static final String MESSAGE_TYPES = "String, Reader, a primitive or its box, ByteBuffer, byte[], "
            + "InputStream, PongMessage or a type a configured decoder produces";

    private final Class<?> endpointClass;
    private final boolean server;
    private final CodecTypes codecs;
    private final List<ParamPath> paths = new ArrayList<>();

    AnnotatedMethodReader(Class<?> endpointClass, boolean server, CodecTypes codecs) {
        this.endpointClass = endpointClass;
        this.server = server;
        this.codecs = codecs;
    }

    /** The path parameters of every method read so far; {@link ParamBinding#pathIndex()} indexes it. */
    List<ParamPath> paths() {
        return List.copyOf(paths);
    }

    AnnotatedMethod onOpen(Method method) throws DeploymentException {
        return lifecycle(method, "@OnOpen", EndpointConfig.class, false,
                "@OnOpen takes an optional Session, an optional EndpointConfig and @PathParam parameters");
    }

    AnnotatedMethod onClose(Method method) throws DeploymentException {
        return lifecycle(method, "@OnClose", CloseReason.class, false,
                "@OnClose takes an optional Session, an optional CloseReason and @PathParam parameters");
    }

    AnnotatedMethod onError(Method method) throws DeploymentException {
        return lifecycle(method, "@OnError", Throwable.class, true,
                "@OnError takes a Throwable, an optional Session and @PathParam parameters");
    }

    AnnotatedMessageMethod onMessage(Method method) throws DeploymentException {
        checkModifiers(method, "@OnMessage");
        OnMessage annotation = method.getAnnotation(OnMessage.class);
        List<ParamBinding> bindings = new ArrayList<>();
        List<Integer> candidates = new ArrayList<>();
        boolean session = false;
        Parameter[] parameters = method.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            Parameter parameter = parameters[i];
            if (parameter.isAnnotationPresent(PathParam.class)) {
                bindings.add(path(method, parameter));
            } else if (parameter.getType() == Session.class) {
                session = once(method, "@OnMessage", "Session", session);
                bindings.add(ParamBinding.of(ParamKind.SESSION));
            } else {
                candidates.add(i);
                bindings.add(null); // the message or `last`, decided below
            }
        }
        int message;
        int last = -1;
        if (candidates.isEmpty()) {
            throw AnnotatedErrors.method(endpointClass, method,
                    "@OnMessage has no message parameter; it takes exactly one (" + MESSAGE_TYPES + ")");
        } else if (candidates.size() == 2 && parameters[candidates.get(1)].getType() == boolean.class) {
            message = candidates.get(0);
            last = candidates.get(1);
        } else if (candidates.size() == 2 && parameters[candidates.get(0)].getType() == boolean.class) {
            message = candidates.get(1);
            last = candidates.get(0);
        } else if (candidates.size() == 1) {
            message = candidates.get(0);
        } else {
            Class<?>[] types = candidates.stream().map(i -> parameters[i].getType()).toArray(Class<?>[]::new);
            throw AnnotatedErrors.method(endpointClass, method, "@OnMessage has " + count(types.length)
                    + " message parameters (" + AnnotatedErrors.simpleNames(types)
                    + "); an @OnMessage method takes exactly one");
        }
        Class<?> type = parameters[message].getType();
        MessageKind kind;
        if (last >= 0) {
            if (type != String.class && type != ByteBuffer.class && type != byte[].class) {
                throw AnnotatedErrors.method(endpointClass, method, "@OnMessage has a boolean 'last' parameter, so it "
                        + "receives messages in parts, but parts come only as String, ByteBuffer or byte[], not "
                        + type.getSimpleName());
            }
            kind = type == String.class ? MessageKind.TEXT : MessageKind.BINARY;
            bindings.set(last, ParamBinding.of(ParamKind.LAST));
        } else {
            kind = codecs.kindOf(type);
            if (kind == null) {
                throw AnnotatedErrors.method(endpointClass, method, "@OnMessage parameter " + type.getSimpleName()
                        + " is not a message type and no configured decoder produces it; take " + MESSAGE_TYPES
                        + ", or add a decoder for " + type.getName());
            }
        }
        bindings.set(message, ParamBinding.of(ParamKind.EVENT));
        checkReturnType(method);
        long maxMessageSize = annotation.maxMessageSize();
        if (maxMessageSize < -1) {
            throw AnnotatedErrors.method(endpointClass, method, "@OnMessage(maxMessageSize = " + maxMessageSize
                    + ") is neither -1 (no limit) nor a size in bytes");
        }
        if (maxMessageSize > Integer.MAX_VALUE) {
            throw AnnotatedErrors.method(endpointClass, method, "@OnMessage(maxMessageSize = " + maxMessageSize
                    + ") is larger than " + Integer.MAX_VALUE + ", the largest message a String or ByteBuffer can hold");
        }
        return new AnnotatedMessageMethod(AnnotatedMethod.of(endpointClass, method, bindings), kind, type, last >= 0,
                maxMessageSize);
    }

    /**
     * The three lifecycle annotations share one shape: an optional Session, one {@code event} parameter
     * (optional or mandatory) and @PathParams.
     */
    private AnnotatedMethod lifecycle(Method method, String annotation, Class<?> event, boolean eventRequired,
            String rule) throws DeploymentException {
        checkModifiers(method, annotation);
        List<ParamBinding> bindings = new ArrayList<>();
        boolean session = false;
        boolean hasEvent = false;
        for (Parameter parameter : method.getParameters()) {
            Class<?> type = parameter.getType();
            if (parameter.isAnnotationPresent(PathParam.class)) {
                bindings.add(path(method, parameter));
            } else if (type == Session.class) {
                session = once(method, annotation, "Session", session);
                bindings.add(ParamBinding.of(ParamKind.SESSION));
            } else if (type == event) {
                hasEvent = once(method, annotation, event.getSimpleName(), hasEvent);
                bindings.add(ParamBinding.of(ParamKind.EVENT));
            } else {
                throw AnnotatedErrors.method(endpointClass, method,
                        annotation + " parameter " + type.getSimpleName() + " is not allowed; " + rule);
            }
        }
        if (eventRequired && !hasEvent) {
            throw AnnotatedErrors.method(endpointClass, method, annotation + " has no " + event.getSimpleName()
                    + " parameter; " + rule);
        }
        return AnnotatedMethod.of(endpointClass, method, bindings);
    }

    private ParamBinding path(Method method, Parameter parameter) throws DeploymentException {
        String name = parameter.getAnnotation(PathParam.class).value();
        Class<?> type = parameter.getType();
        if (!server) {
            throw AnnotatedErrors.method(endpointClass, method, "@PathParam(\"" + name
                    + "\") on a client endpoint; path parameters exist only on server endpoints");
        }
        if (name.isEmpty()) {
            throw AnnotatedErrors.method(endpointClass, method,
                    "@PathParam has an empty name; it must name a variable of the endpoint's path template");
        }
        if (type != String.class && !CodecPrimitives.isPrimitiveOrBox(type)) {
            throw AnnotatedErrors.method(endpointClass, method, "@PathParam(\"" + name + "\") parameter has type "
                    + type.getSimpleName() + "; a path parameter must be a String, a primitive or a primitive's box");
        }
        ParamPath path = new ParamPath(name, type);
        int index = paths.indexOf(path);
        if (index < 0) {
            index = paths.size();
            paths.add(path);
        }
        return ParamBinding.path(index, type);
    }

    private void checkModifiers(Method method, String annotation) throws DeploymentException {
        if (!Modifier.isPublic(method.getModifiers())) {
            throw AnnotatedErrors.method(endpointClass, method,
                    annotation + " method is not public; the container calls only public methods");
        }
        if (Modifier.isStatic(method.getModifiers())) {
            throw AnnotatedErrors.method(endpointClass, method,
                    annotation + " method is static; callbacks are called on the connection's endpoint instance");
        }
    }

    /** @OnMessage may return a value, sent back to the peer; it must be something sendObject can send. */
    private void checkReturnType(Method method) throws DeploymentException {
        Class<?> type = method.getReturnType();
        if (type != void.class && !codecs.canEncode(type)) {
            throw AnnotatedErrors.method(endpointClass, method, "@OnMessage returns " + type.getSimpleName()
                    + ", which cannot be sent back: return void, String, ByteBuffer, byte[], a primitive or its box, "
                    + "or configure an encoder for " + type.getName());
        }
    }

    /** Marks a one-off parameter seen, failing on the second. */
    private boolean once(Method method, String annotation, String what, boolean seen) throws DeploymentException {
        if (seen) {
            throw AnnotatedErrors.method(endpointClass, method,
                    annotation + " has two " + what + " parameters; it takes at most one");
        }
        return true;
    }

    private static String count(int n) {
        return n == 2 ? "two" : n == 3 ? "three" : String.valueOf(n);
    }
}
