package dev.freeway.container.annotated;

import dev.freeway.container.codec.CodecPrimitives;
import jakarta.websocket.DecodeException;

import java.util.List;
import java.util.Map;

/**
 * The {@code @PathParam} values of one connection, converted once when it opens (spec §4.3): a String as
 * is, a primitive or box as its String constructor would (WSC-4.3-5). A variable missing from the request
 * gives null (WSC-4.3-3); a primitive cannot be null, so a missing or unconvertible value is a
 * {@link DecodeException} for the error handler (WSC-4.3-6). The failed parameter's value is then its
 * type's default, so that @OnError and @OnClose can still be called.
 */
final class ParamValues {
    /** No path parameters: what methods see before the connection opened. */
    static final ParamValues NONE = new ParamValues(null, null);

    private final Object[] values;
    private final DecodeException failure;

    private ParamValues(Object[] values, DecodeException failure) {
        this.values = values;
        this.failure = failure;
    }

    /** Converts the path variables {@code raw} of a request to the parameters {@code paths}. */
    static ParamValues convert(List<ParamPath> paths, Map<String, String> raw) {
        Object[] values = new Object[paths.size()];
        DecodeException failure = null;
        for (int i = 0; i < values.length; i++) {
            ParamPath path = paths.get(i);
            String text = raw == null ? null : raw.get(path.name());
            try {
                values[i] = convert(path, text);
            } catch (DecodeException e) {
                values[i] = CodecPrimitives.defaultValue(path.type());
                if (failure == null) {
                    failure = e;
                }
            }
        }
        return new ParamValues(values, failure);
    }

    /** The values, in the order of the paths given; null for {@link #NONE}. */
    Object[] values() {
        return values;
    }

    /** The first conversion failure, or null. */
    DecodeException failure() {
        return failure;
    }

    private static Object convert(ParamPath path, String text) throws DecodeException {
        Class<?> type = path.type();
        if (text == null && CodecPrimitives.box(type) == Boolean.class) {
            // A name that matches no variable has the value null (PathParam's Javadoc), converted as
            // the box's String constructor would: new Boolean(null) is false, the one box whose
            // constructor takes null. Tomcat does the same, and the TCK expects it (websocketmessage
            // booleanToBooleanWithPathParamTest names "{param}", not "param", on a Boolean).
            return Boolean.FALSE;
        }
        if (text == null) {
            if (type.isPrimitive()) {
                throw new DecodeException((String) null, "path parameter {" + path.name()
                        + "} is missing from the request, and a " + type.getName() + " parameter cannot be null");
            }
            return null;
        }
        if (type == String.class) {
            return text;
        }
        try {
            return CodecPrimitives.parse(type, text);
        } catch (DecodeException e) {
            throw new DecodeException(text, "path parameter {" + path.name() + "} = " + CodecPrimitives.quote(text)
                    + " is not a valid " + type.getSimpleName(), e);
        }
    }
}
