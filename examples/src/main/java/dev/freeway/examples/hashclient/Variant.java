package dev.freeway.examples.hashclient;

import java.util.Locale;

/** The tutorial's three variants, each the client for one of the demo's hash servers. */
public enum Variant {
    /** Whole messages of {@code --size} bytes, one digest each ({@code /hash/message}). */
    MESSAGE("message"),
    /** One message of frames of {@code --size} bytes, a running digest per frame ({@code /hash/frame}). */
    FRAME("frame"),
    /** One frame declaring 2^63-1 bytes, a running digest every 1 MiB ({@code /hash/stream}). */
    STREAM("stream");

    private final String pathSegment;

    Variant(String pathSegment) {
        this.pathSegment = pathSegment;
    }

    /** Where the demo serves this variant's server, under its context path. */
    public String defaultPath() {
        return "/hash/" + pathSegment;
    }

    /** {@code message}, {@code frame} or {@code stream} (also {@code streaming}). */
    public static Variant parse(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "message" -> MESSAGE;
            case "frame" -> FRAME;
            case "stream", "streaming" -> STREAM;
            default -> throw new IllegalArgumentException("--variant must be message, frame or stream, was '" + name + "'");
        };
    }
}
