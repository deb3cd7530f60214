package dev.freeway.container.codec;

/**
 * How a whole-message handler receives its messages: which native WebSocket message type feeds it
 * (text, binary or pong) and whether the message arrives buffered or as a blocking stream.
 *
 * <p>The session uses this to pick the native type a handler registered with
 * {@code Session.addMessageHandler(Class, MessageHandler.Whole)} is for, and whether to buffer the
 * message (the whole kinds, subject to the size limits) or to hand it over as a stream.
 */
public enum MessageKind {
    /** A whole text message: as a String, a primitive or its box, or decoded by a {@code Decoder.Text}. */
    TEXT,
    /** A text message as a blocking stream: a Reader, or decoded by a {@code Decoder.TextStream}. */
    TEXT_STREAM,
    /** A whole binary message: as a ByteBuffer or byte[], or decoded by a {@code Decoder.Binary}. */
    BINARY,
    /** A binary message as a blocking stream: an InputStream, or decoded by a {@code Decoder.BinaryStream}. */
    BINARY_STREAM,
    /** A pong control message, as a {@code PongMessage}. */
    PONG;

    /** Whether the handler is fed by text messages. */
    public boolean isText() {
        return this == TEXT || this == TEXT_STREAM;
    }

    /** Whether the handler is fed by binary messages. */
    public boolean isBinary() {
        return this == BINARY || this == BINARY_STREAM;
    }

    /** Whether the message is handed over as a blocking stream rather than buffered whole. */
    public boolean isStream() {
        return this == TEXT_STREAM || this == BINARY_STREAM;
    }

    /**
     * The native WebSocket message type in words ("text", "binary" or "pong"); an endpoint has at most
     * one handler for each, so two kinds with the same native type conflict.
     */
    public String nativeType() {
        return isText() ? "text" : isBinary() ? "binary" : "pong";
    }
}
