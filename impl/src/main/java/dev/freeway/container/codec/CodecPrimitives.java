package dev.freeway.container.codec;

import jakarta.websocket.DecodeException;

import java.util.Map;

/**
 * The container's own conversions between text and Java primitives or their boxes, used for text
 * messages (spec §4.7, WSC-4.7-2) and path parameters (§4.3, WSC-4.3-5).
 *
 * <p>The spec defines the result as "the same as the public one-argument String constructor of the
 * box"; the {@code valueOf} methods give exactly that. So {@code Boolean} follows
 * {@code Boolean.parseBoolean} and never fails ("yes" is {@code false}). {@code Character} has no such
 * constructor; a char is the text's first UTF-16 unit, and the rest is ignored, as Tomcat does and
 * the TCK expects ({@code clientendpointonmessage} echoCharAndSessionTest decodes "Echar" as 'E').
 * Only an empty text fails.
 */
public final class CodecPrimitives {
    private static final Map<Class<?>, Class<?>> BOXES = Map.of(
            boolean.class, Boolean.class, byte.class, Byte.class, short.class, Short.class,
            char.class, Character.class, int.class, Integer.class, long.class, Long.class,
            float.class, Float.class, double.class, Double.class);

    private static final Map<Class<?>, Object> DEFAULTS = Map.of(
            boolean.class, false, byte.class, (byte) 0, short.class, (short) 0, char.class, '\0',
            int.class, 0, long.class, 0L, float.class, 0f, double.class, 0d);

    /** Texts quoted in exception messages are cut here; the exception keeps the whole text. */
    private static final int QUOTE_LIMIT = 64;

    private CodecPrimitives() {
    }

    /** Whether {@code type} is one of the eight primitives (not void) or their boxes. */
    public static boolean isPrimitiveOrBox(Class<?> type) {
        return BOXES.containsKey(type) || BOXES.containsValue(type);
    }

    /** The box of a primitive, or {@code type} itself. */
    public static Class<?> box(Class<?> type) {
        return type.isPrimitive() && type != void.class ? BOXES.get(type) : type;
    }

    /** The zero value of a primitive type, or null for reference types. */
    public static Object defaultValue(Class<?> type) {
        return DEFAULTS.get(type);
    }

    /**
     * Converts {@code text} to {@code type}, which must satisfy {@link #isPrimitiveOrBox}.
     *
     * @throws DecodeException if the text is not a valid value of the type; it carries the text
     */
    public static Object parse(Class<?> type, String text) throws DecodeException {
        Class<?> box = box(type);
        try {
            if (box == Integer.class) {
                return Integer.valueOf(text);
            } else if (box == Long.class) {
                return Long.valueOf(text);
            } else if (box == Double.class) {
                return Double.valueOf(text);
            } else if (box == Float.class) {
                return Float.valueOf(text);
            } else if (box == Short.class) {
                return Short.valueOf(text);
            } else if (box == Byte.class) {
                return Byte.valueOf(text);
            } else if (box == Boolean.class) {
                return Boolean.valueOf(text);
            } else if (box == Character.class) {
                if (text.isEmpty()) {
                    throw new DecodeException(text, "cannot decode " + quote(text) + " as " + type.getSimpleName()
                            + ": a " + type.getSimpleName() + " is made from a text's first character");
                }
                return text.charAt(0);
            }
        } catch (NumberFormatException e) {
            throw new DecodeException(text, "cannot decode " + quote(text) + " as " + type.getSimpleName(), e);
        }
        throw new IllegalArgumentException(type.getName() + " is not a primitive or a box");
    }

    /** {@code text} in double quotes, cut to a readable length. */
    public static String quote(String text) {
        return text.length() <= QUOTE_LIMIT
                ? '"' + text + '"'
                : '"' + text.substring(0, QUOTE_LIMIT) + "\"... (" + text.length() + " characters)";
    }
}
