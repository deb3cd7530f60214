package dev.freeway.engine;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Message payload.
 *
 * <p>Received: a chunk of a data frame's payload, unmasked and (under permessage-deflate)
 * inflated, and for text already validated as UTF-8 so far (a code point may still continue in
 * the next chunk). {@code payload} is a read-only view of the input or of a reused buffer, valid
 * until the next call on the connection. Every frame yields at least one {@code Data}, the last
 * with {@code frameFinished}.
 *
 * <p>Sent: one whole frame of a message. The first frame of a message is sent with the
 * message's opcode, later ones as continuations; {@code messageFinished} sets FIN.
 * {@code frameFinished} must be {@code true} when sending.
 *
 * @param payload         the bytes; UTF-8 for text
 * @param text            whether the message is text
 * @param frameFinished   whether this chunk ends its frame
 * @param messageFinished whether this chunk ends its message (implies {@code frameFinished})
 * @param encoded         sent text that Java encoded from a {@code String}, so whole code points
 *                        of valid UTF-8 by construction: the writer need not validate it again
 */
public record Data(ByteBuffer payload, boolean text, boolean frameFinished, boolean messageFinished, boolean encoded)
        implements Event {

    /** Payload of unknown origin: sent text is validated. */
    public Data(ByteBuffer payload, boolean text, boolean frameFinished, boolean messageFinished) {
        this(payload, text, frameFinished, messageFinished, false);
    }

    /** A whole text frame to send. */
    public static Data text(String text, boolean messageFinished) {
        return new Data(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), true, true, messageFinished, true);
    }

    /** A whole binary frame to send. */
    public static Data binary(ByteBuffer payload, boolean messageFinished) {
        return new Data(payload, false, true, messageFinished);
    }

    /** A whole binary frame to send. */
    public static Data binary(byte[] payload, boolean messageFinished) {
        return binary(ByteBuffer.wrap(payload), messageFinished);
    }

    /** The payload decoded as UTF-8 (for complete text chunks; use a decoder across chunks). */
    public String asText() {
        return StandardCharsets.UTF_8.decode(payload.duplicate()).toString();
    }
}
