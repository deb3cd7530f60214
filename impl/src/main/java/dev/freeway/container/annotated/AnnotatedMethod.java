package dev.freeway.container.annotated;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.Session;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.List;

/**
 * One annotated method, ready to call: a method handle taking the instance and an argument array, and a
 * binding per parameter saying where its value comes from. Built once at deployment; a call only fills
 * the array and invokes the handle.
 */
final class AnnotatedMethod {
    private static final MethodType INVOKER = MethodType.methodType(Object.class, Object.class, Object[].class);

    private final String signature;
    private final MethodHandle invoker;
    private final ParamBinding[] bindings;
    private final boolean returnsValue;

    private AnnotatedMethod(String signature, MethodHandle invoker, ParamBinding[] bindings, boolean returnsValue) {
        this.signature = signature;
        this.invoker = invoker;
        this.bindings = bindings;
        this.returnsValue = returnsValue;
    }

    /**
     * Builds the handle for {@code method} as a member of {@code endpointClass}. Looking it up on the
     * endpoint class rather than unreflecting it lets a public method inherited from a non-public
     * superclass be called, as Java code could; dispatch stays virtual, so a subclass (such as a CDI proxy)
     * overriding the method is honoured.
     *
     * @throws DeploymentException if the container may not call the method, e.g. the package is not exported
     */
    static AnnotatedMethod of(Class<?> endpointClass, Method method, List<ParamBinding> bindings)
            throws DeploymentException {
        MethodHandle handle;
        try {
            handle = MethodHandles.publicLookup().findVirtual(endpointClass, method.getName(),
                    MethodType.methodType(method.getReturnType(), method.getParameterTypes()));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw AnnotatedErrors.method(endpointClass, method,
                    "the container cannot call this method (" + e.getMessage() + "); the class and the method "
                            + "must be public and the package exported");
        }
        // (instance, p1..pn) -> r  becomes  (Object instance, Object[] args) -> Object: one shape for all calls
        MethodHandle invoker = handle.asSpreader(Object[].class, bindings.size()).asType(INVOKER);
        return new AnnotatedMethod(AnnotatedErrors.signature(method), invoker, bindings.toArray(ParamBinding[]::new),
                method.getReturnType() != void.class);
    }

    /**
     * Calls the method on {@code instance}.
     *
     * @param pathValues the connection's converted path parameters, or null before it opened (then each
     *                   takes its default value)
     * @param event      the message, EndpointConfig, CloseReason or Throwable the call is about
     * @param last       for methods receiving parts, whether this is the last part
     * @return what the method returned; null for void methods
     * @throws AnnotatedCallException carrying a checked exception the method threw; unchecked exceptions
     *         and errors are thrown as they are
     */
    Object invoke(Object instance, Session session, Object[] pathValues, Object event, boolean last) {
        Object[] args = new Object[bindings.length];
        for (int i = 0; i < args.length; i++) {
            ParamBinding binding = bindings[i];
            args[i] = switch (binding.kind()) {
                case SESSION -> session;
                case EVENT -> event;
                case LAST -> last;
                case PATH -> pathValues == null ? binding.defaultValue() : pathValues[binding.pathIndex()];
            };
        }
        try {
            return invoker.invokeExact(instance, args);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new AnnotatedCallException(e);
        }
    }

    /** Whether the method returns a value (which @OnMessage methods send back). */
    boolean returnsValue() {
        return returnsValue;
    }

    /** {@code com.example.Chat.onText(String)}, for logs and errors. */
    String signature() {
        return signature;
    }

    @Override
    public String toString() {
        return signature;
    }
}
