package dev.freeway.container.annotated;

import dev.freeway.container.codec.CodecPrimitives;

/**
 * How one parameter of an annotated method gets its value.
 *
 * @param kind         where the value comes from
 * @param pathIndex    for {@link ParamKind#PATH}, the index of its {@link ParamPath} in the endpoint's
 *                     list (and so in the converted values); otherwise -1
 * @param defaultValue the value when none is known (before the connection opened): the zero of a
 *                     primitive, else null
 */
record ParamBinding(ParamKind kind, int pathIndex, Object defaultValue) {

    static ParamBinding of(ParamKind kind) {
        return new ParamBinding(kind, -1, null);
    }

    static ParamBinding path(int index, Class<?> type) {
        return new ParamBinding(ParamKind.PATH, index, CodecPrimitives.defaultValue(type));
    }
}
