package dev.freeway.container.codec;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One form a configured decoder or encoder class takes: the class, the kind of message it reads or
 * writes, and the Java type it produces or accepts (its resolved type argument). A class implementing
 * several forms (say {@code Decoder.Text<Foo>} and {@code Decoder.Binary<Foo>}) gives one entry each.
 */
record CodecEntry(Class<?> codecClass, MessageKind kind, Class<?> type) {

    /** "configured decoders: a.B (Decoder.Text<Foo>), ..." or "no decoders are configured". */
    static String describeAll(String family, List<CodecEntry> entries) {
        String role = family.toLowerCase(Locale.ROOT);
        if (entries.isEmpty()) {
            return "no " + role + "s are configured";
        }
        return "configured " + role + "s: "
                + entries.stream().map(e -> e.describe(family)).collect(Collectors.joining(", "));
    }

    /** The entry as a user would write it, e.g. {@code com.example.FooDecoder (Decoder.Text<Foo>)}. */
    String describe(String family) {
        String form = switch (kind) {
            case TEXT -> "Text";
            case TEXT_STREAM -> "TextStream";
            case BINARY -> "Binary";
            case BINARY_STREAM -> "BinaryStream";
            case PONG -> throw new IllegalStateException("no codec handles pongs");
        };
        return codecClass.getName() + " (" + family + "." + form + "<" + type.getSimpleName() + ">)";
    }
}
