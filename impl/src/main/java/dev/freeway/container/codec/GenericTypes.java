package dev.freeway.container.codec;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds the class a generic interface's type argument has in a concrete class, such as the {@code Foo}
 * of a class implementing {@code Decoder.Text<Foo>} or the {@code T} of a message handler.
 *
 * <p>The walk follows superclasses and superinterfaces and substitutes type variables on the way, so
 * {@code class H extends Base<Foo>} with {@code class Base<T> implements MessageHandler.Whole<T>}
 * resolves to {@code Foo}. Parameterized arguments resolve to their raw class ({@code List<String>}
 * gives {@code List}) and generic arrays to the array class.
 *
 * <p>Used at deployment and registration only, never per message.
 */
public final class GenericTypes {
    private GenericTypes() {
    }

    /**
     * The class of type argument {@code index} of {@code genericType} as implemented or extended by
     * {@code type}.
     *
     * @return the class, or {@code null} when it cannot be known from the class files: {@code type} does
     *         not implement {@code genericType}, implements it raw, or leaves the argument a type variable
     *         (lambdas and generic classes used without arguments); callers then ask for an explicit class
     */
    public static Class<?> typeArgument(Class<?> type, Class<?> genericType, int index) {
        if (index < 0 || index >= genericType.getTypeParameters().length) {
            throw new IllegalArgumentException(genericType.getName() + " has no type parameter " + index);
        }
        if (!genericType.isAssignableFrom(type)) {
            return null;
        }
        return toClass(find(type, genericType, index, Map.of()));
    }

    /** The raw class of {@code type}, or null for type variables and wildcards. */
    public static Class<?> rawClass(Type type) {
        return toClass(type);
    }

    /**
     * Searches the supertypes of {@code type} for {@code target}; {@code bindings} maps the type variables
     * of {@code type}'s class to what its subclass bound them to.
     */
    private static Type find(Type type, Class<?> target, int index, Map<TypeVariable<?>, Type> bindings) {
        Class<?> raw = toClass(type);
        if (raw == null || !target.isAssignableFrom(raw)) {
            return null;
        }
        if (raw == target) {
            return type instanceof ParameterizedType p ? substitute(p.getActualTypeArguments()[index], bindings) : null;
        }
        Map<TypeVariable<?>, Type> own = bind(raw, type, bindings);
        Type found = find(raw.getGenericSuperclass(), target, index, own);
        if (found != null) {
            return found;
        }
        for (Type parent : raw.getGenericInterfaces()) {
            found = find(parent, target, index, own);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Binds the type parameters of {@code raw} to the arguments {@code type} gives them, if any. */
    private static Map<TypeVariable<?>, Type> bind(Class<?> raw, Type type, Map<TypeVariable<?>, Type> outer) {
        if (!(type instanceof ParameterizedType p)) {
            return Map.of(); // raw use or a plain class: its own variables stay unbound
        }
        TypeVariable<?>[] variables = raw.getTypeParameters();
        Type[] arguments = p.getActualTypeArguments();
        Map<TypeVariable<?>, Type> bindings = new HashMap<>();
        for (int i = 0; i < variables.length; i++) {
            bindings.put(variables[i], substitute(arguments[i], outer));
        }
        return bindings;
    }

    private static Type substitute(Type type, Map<TypeVariable<?>, Type> bindings) {
        if (type instanceof TypeVariable<?> variable) {
            return bindings.get(variable); // null when unbound
        }
        if (type instanceof GenericArrayType array) {
            Class<?> component = toClass(substitute(array.getGenericComponentType(), bindings));
            return component == null ? null : component.arrayType();
        }
        return type;
    }

    private static Class<?> toClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof GenericArrayType array) {
            Class<?> component = toClass(array.getGenericComponentType());
            return component == null ? null : component.arrayType();
        }
        return null; // type variables and wildcards
    }
}
