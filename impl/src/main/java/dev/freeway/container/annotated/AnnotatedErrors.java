package dev.freeway.container.annotated;

import jakarta.websocket.DeploymentException;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Builds the deployment errors of annotated endpoints, all in one shape so a user can find what to fix:
 * {@code com.example.Chat.onText(String, String): <rule broken>}. A method inherited from a superclass is
 * named by the class declaring it, followed by the endpoint that inherits it.
 */
final class AnnotatedErrors {
    private AnnotatedErrors() {
    }

    /** An error in {@code method} of endpoint {@code endpointClass}. */
    static DeploymentException method(Class<?> endpointClass, Method method, String rule) {
        return new DeploymentException(where(endpointClass, method) + ": " + rule);
    }

    /** An error in the endpoint class itself. */
    static DeploymentException type(Class<?> endpointClass, String rule) {
        return new DeploymentException(endpointClass.getName() + ": " + rule);
    }

    /** {@code com.example.Chat.onText(String, boolean)}, plus the inheriting endpoint if different. */
    static String where(Class<?> endpointClass, Method method) {
        String signature = signature(method);
        return method.getDeclaringClass() == endpointClass
                ? signature
                : signature + " (inherited by " + endpointClass.getName() + ")";
    }

    /** {@code com.example.Chat.onText(String, boolean)}: the declaring class, the name, simple parameter types. */
    static String signature(Method method) {
        return method.getDeclaringClass().getName() + "." + method.getName() + "(" + simpleNames(method.getParameterTypes())
                + ")";
    }

    /** Simple type names joined by ", ", as in a signature. */
    static String simpleNames(Class<?>... types) {
        return Arrays.stream(types).map(Class::getSimpleName).collect(Collectors.joining(", "));
    }
}
