package dev.freeway.container.annotated;

import dev.freeway.container.codec.CodecTypes;
import dev.freeway.container.codec.Codecs;
import jakarta.websocket.Decoder;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Encoder;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnOpen;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An annotated endpoint class, read once at deployment: its @OnOpen, @OnClose, @OnError and @OnMessage
 * methods as method handles with their parameter bindings, its path parameters and its resolved
 * decoders and encoders. Immutable and shared by every connection; {@link AnnotatedEndpoint} runs it for
 * one connection.
 *
 * <p>{@link #build} enforces the spec's rules on annotated endpoints (chapter 4, §4.8 for inheritance,
 * and the annotations' javadoc); each violation is a {@link DeploymentException} naming the class, the
 * method and the rule. It does not check what belongs to the deployer: the class-level annotation, the
 * path template, a public no-argument constructor.
 */
public final class EndpointModel {
    private final Class<?> endpointClass;
    private final boolean server;
    private final CodecTypes codecs;
    private final AnnotatedMethod onOpen;
    private final AnnotatedMethod onClose;
    private final AnnotatedMethod onError;
    private final List<AnnotatedMessageMethod> onMessage;
    private final List<ParamPath> paths;

    private EndpointModel(Class<?> endpointClass, boolean server, CodecTypes codecs, AnnotatedMethod onOpen,
            AnnotatedMethod onClose, AnnotatedMethod onError, List<AnnotatedMessageMethod> onMessage,
            List<ParamPath> paths) {
        this.endpointClass = endpointClass;
        this.server = server;
        this.codecs = codecs;
        this.onOpen = onOpen;
        this.onClose = onClose;
        this.onError = onError;
        this.onMessage = onMessage;
        this.paths = paths;
    }

    /**
     * Reads {@code endpointClass}.
     *
     * @param decoders the endpoint's decoder classes, which decide what @OnMessage parameters it may take
     * @param encoders the endpoint's encoder classes, which decide what @OnMessage methods may return
     * @param server   whether this is a server endpoint; @PathParam is only allowed on server endpoints
     * @throws DeploymentException naming the class, the method and the rule broken
     */
    public static EndpointModel build(Class<?> endpointClass, List<Class<? extends Decoder>> decoders,
            List<Class<? extends Encoder>> encoders, boolean server) throws DeploymentException {
        if (!Modifier.isPublic(endpointClass.getModifiers())) {
            throw AnnotatedErrors.type(endpointClass,
                    "an endpoint class must be public; the container calls its methods from outside its package");
        }
        CodecTypes codecs;
        try {
            codecs = CodecTypes.of(decoders, encoders);
        } catch (DeploymentException e) {
            throw new DeploymentException(endpointClass.getName() + ": " + e.getMessage(), e);
        }
        AnnotatedMethodReader reader = new AnnotatedMethodReader(endpointClass, server, codecs);
        Method open = null;
        Method close = null;
        Method error = null;
        AnnotatedMethod onOpen = null;
        AnnotatedMethod onClose = null;
        AnnotatedMethod onError = null;
        List<Method> messageMethods = new ArrayList<>();
        List<AnnotatedMessageMethod> onMessage = new ArrayList<>();
        for (Method method : AnnotatedScanner.callbacks(endpointClass)) {
            List<Class<? extends Annotation>> annotations = AnnotatedScanner.annotations(method);
            if (annotations.size() > 1) {
                throw AnnotatedErrors.method(endpointClass, method, "has " + names(annotations)
                        + "; a method takes only one of @OnOpen, @OnClose, @OnError and @OnMessage");
            }
            Class<? extends Annotation> annotation = annotations.get(0);
            if (annotation == OnOpen.class) {
                checkUnique(endpointClass, "@OnOpen", open, method);
                open = method;
                onOpen = reader.onOpen(method);
            } else if (annotation == OnClose.class) {
                checkUnique(endpointClass, "@OnClose", close, method);
                close = method;
                onClose = reader.onClose(method);
            } else if (annotation == OnError.class) {
                checkUnique(endpointClass, "@OnError", error, method);
                error = method;
                onError = reader.onError(method);
            } else {
                AnnotatedMessageMethod read = reader.onMessage(method);
                for (int i = 0; i < onMessage.size(); i++) {
                    if (onMessage.get(i).kind().nativeType().equals(read.kind().nativeType())) {
                        String type = read.kind().nativeType();
                        throw AnnotatedErrors.method(endpointClass, method, "a second @OnMessage method for " + type
                                + " messages; " + AnnotatedErrors.signature(messageMethods.get(i))
                                + " already receives them, and an endpoint has at most one @OnMessage method each "
                                + "for text, binary and pong messages");
                    }
                }
                messageMethods.add(method);
                onMessage.add(read);
            }
        }
        return new EndpointModel(endpointClass, server, codecs, onOpen, onClose, onError, List.copyOf(onMessage),
                reader.paths());
    }

    /** The endpoint class read. */
    public Class<?> endpointClass() {
        return endpointClass;
    }

    /** Whether this is a server endpoint. */
    public boolean isServer() {
        return server;
    }

    /** The endpoint's decoders and encoders, resolved; pass to {@link Codecs#create(jakarta.websocket.EndpointConfig, CodecTypes)}. */
    public CodecTypes codecTypes() {
        return codecs;
    }

    /** Whether the endpoint has an @OnError method; without one the session logs errors itself. */
    public boolean handlesErrors() {
        return onError != null;
    }

    /**
     * The names of the path template variables the endpoint's methods take as @PathParam, in a fixed
     * order (that of the methods, sorted by name, then of their parameters); a deployer can compare them
     * with the path template.
     */
    public Set<String> pathParameterNames() {
        return paths.stream().map(ParamPath::name).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The @OnMessage methods, at most one per native message type. */
    List<AnnotatedMessageMethod> messageMethods() {
        return onMessage;
    }

    /** The @OnOpen method, or null. */
    AnnotatedMethod onOpen() {
        return onOpen;
    }

    /** The @OnClose method, or null. */
    AnnotatedMethod onClose() {
        return onClose;
    }

    /** The @OnError method, or null. */
    AnnotatedMethod onError() {
        return onError;
    }

    /** The @PathParams of all methods; the converted values of a connection follow this order. */
    List<ParamPath> paths() {
        return paths;
    }

    @Override
    public String toString() {
        return "EndpointModel[" + endpointClass.getName() + (server ? ", server" : ", client") + "]";
    }

    private static void checkUnique(Class<?> endpointClass, String annotation, Method first, Method second)
            throws DeploymentException {
        if (first != null) {
            throw AnnotatedErrors.method(endpointClass, second, "a second " + annotation + " method; "
                    + AnnotatedErrors.signature(first) + " already is one, and an endpoint has at most one");
        }
    }

    private static String names(List<Class<? extends Annotation>> annotations) {
        List<String> names = annotations.stream().map(a -> "@" + a.getSimpleName()).toList();
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
