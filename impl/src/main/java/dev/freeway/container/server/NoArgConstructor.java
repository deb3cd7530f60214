package dev.freeway.container.server;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Modifier;

/**
 * The public no-argument constructor of a class, looked up once and kept as a
 * {@link MethodHandle}, or the reason there is none. Immutable.
 */
final class NoArgConstructor {
    private static final MethodType OBJECT_FACTORY = MethodType.methodType(Object.class);

    private final Class<?> type;
    private final MethodHandle constructor;
    private final String problem;

    private NoArgConstructor(Class<?> type, MethodHandle constructor, String problem) {
        this.type = type;
        this.constructor = constructor;
        this.problem = problem;
    }

    /** Looks the constructor up; never throws, a missing one is recorded in {@link #problem()}. */
    static NoArgConstructor of(Class<?> type) {
        String problem = classProblem(type);
        if (problem != null) {
            return new NoArgConstructor(type, null, problem);
        }
        try {
            MethodHandle handle = MethodHandles.publicLookup()
                    .findConstructor(type, MethodType.methodType(void.class))
                    .asType(OBJECT_FACTORY);
            return new NoArgConstructor(type, handle, null);
        } catch (NoSuchMethodException e) {
            return new NoArgConstructor(type, null, "it has no public no-argument constructor");
        } catch (IllegalAccessException e) {
            return new NoArgConstructor(type, null, hasHiddenNoArgConstructor(type)
                    ? "its no-argument constructor is not public"
                    : "its no-argument constructor is not accessible: " + e.getMessage());
        }
    }

    private static boolean hasHiddenNoArgConstructor(Class<?> type) {
        try {
            return !Modifier.isPublic(type.getDeclaredConstructor().getModifiers());
        } catch (NoSuchMethodException | SecurityException e) {
            return false;
        }
    }

    private static String classProblem(Class<?> type) {
        int modifiers = type.getModifiers();
        if (type.isInterface() || type.isArray() || type.isPrimitive() || type.isEnum()) {
            return "it is not a class that can be instantiated";
        }
        if (Modifier.isAbstract(modifiers)) {
            return "it is abstract";
        }
        if (type.isAnonymousClass() || type.isLocalClass()) {
            return "it is a local or anonymous class";
        }
        if (type.isMemberClass() && !Modifier.isStatic(modifiers)) {
            return "it is an inner class; declare it static";
        }
        if (!Modifier.isPublic(modifiers)) {
            return "it is not public";
        }
        return null;
    }

    /** Why the class cannot be created this way, or {@code null} when it can. */
    String problem() {
        return problem;
    }

    /**
     * A new instance.
     *
     * @throws IllegalStateException when there is no usable constructor ({@link #problem()})
     * @throws Throwable             whatever the constructor throws
     */
    Object newInstance() throws Throwable {
        if (constructor == null) {
            throw new IllegalStateException(type.getName() + " cannot be instantiated: " + problem);
        }
        return (Object) constructor.invokeExact();
    }
}
