package dev.freeway.container.annotated;

import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the methods of an endpoint class that carry @OnOpen, @OnClose, @OnError or @OnMessage.
 *
 * <p>Inheritance follows spec §4.8: the annotations are not inherited through overriding, so "subclasses
 * that override methods annotated with WebSocket method annotations do not obtain WebSocket callbacks
 * unless those subclass methods themselves are marked". A method is therefore taken from the most derived
 * class declaring it: an annotated method of a superclass counts when no subclass overrides it, and an
 * unannotated override silences it. Only the superclass chain is searched; interface methods, including
 * default methods, never are. Which classes are deployed as endpoints at all (§4.8's rule about
 * subclasses of annotated endpoints) is the deployer's concern.
 *
 * <p>Methods come out in a fixed order (subclass first, then by name and parameter types) so that
 * deployment errors name the same methods on every run.
 */
final class AnnotatedScanner {
    /** The annotations that make a method a callback. */
    static final List<Class<? extends Annotation>> CALLBACKS = List.of(OnOpen.class, OnClose.class, OnError.class,
            OnMessage.class);

    private static final Comparator<Method> ORDER = Comparator.comparing(Method::getName)
            .thenComparing(m -> Arrays.toString(m.getParameterTypes()));

    private AnnotatedScanner() {
    }

    /** The annotated methods in effect for {@code endpointClass}, whatever their visibility. */
    static List<Method> callbacks(Class<?> endpointClass) {
        List<Method> found = new ArrayList<>();
        Set<Signature> seen = new HashSet<>();
        for (Class<?> c = endpointClass; c != null && c != Object.class; c = c.getSuperclass()) {
            Method[] declared = c.getDeclaredMethods();
            Arrays.sort(declared, ORDER);
            for (Method method : declared) {
                if (method.isBridge() || method.isSynthetic()) {
                    // bridges carry copies of the annotations of the method they stand for: never callbacks
                    if (isGenericBridge(method, declared)) {
                        seen.add(new Signature(method));
                    }
                    continue;
                }
                if (seen.add(new Signature(method)) && isCallback(method)) {
                    found.add(method);
                }
            }
        }
        return found;
    }

    /** The callback annotations {@code method} carries. */
    static List<Class<? extends Annotation>> annotations(Method method) {
        return CALLBACKS.stream().filter(method::isAnnotationPresent).toList();
    }

    /**
     * Whether {@code bridge} stands for a method of its class with other erased parameter types, as
     * {@code on(Object)} does for {@code on(String)} in a class extending {@code Base<String>}: then the
     * class overrides the superclass's {@code on(Object)}. Other bridges are not overrides: a covariant
     * return bridge has the parameters of its method (seen anyway), and the public bridge javac adds to a
     * public class for a public method inherited from a non-public superclass only re-exposes that method.
     * (A visibility bridge next to an unrelated overload of the same arity would be taken for a generic
     * bridge; Java code gives no way to tell them apart from the class file's flags.)
     */
    private static boolean isGenericBridge(Method bridge, Method[] declared) {
        for (Method method : declared) {
            if (!method.isBridge() && method.getName().equals(bridge.getName())
                    && method.getParameterCount() == bridge.getParameterCount()
                    && !Arrays.equals(method.getParameterTypes(), bridge.getParameterTypes())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCallback(Method method) {
        for (Class<? extends Annotation> annotation : CALLBACKS) {
            if (method.isAnnotationPresent(annotation)) {
                return true;
            }
        }
        return false;
    }

    /** What makes one method override another: its name and erased parameter types. */
    private record Signature(String name, List<Class<?>> parameters) {
        Signature(Method method) {
            this(method.getName(), List.of(method.getParameterTypes()));
        }
    }
}
