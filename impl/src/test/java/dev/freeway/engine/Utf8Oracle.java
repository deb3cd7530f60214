package dev.freeway.engine;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Checks a text message delivered in pieces with the JDK's strict UTF-8 decoder, independently
 * of the engine's own validator: the pieces so far must be a prefix of valid UTF-8, and the
 * message must end on a whole code point.
 */
final class Utf8Oracle {
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder(); // reports malformed input
    /** The bytes of a code point that the last piece began but did not finish (at most 3). */
    private byte[] carry = new byte[0];

    void reset() {
        decoder.reset();
        carry = new byte[0];
    }

    /** Whether everything fed since {@link #reset()}, with {@code piece}, can still be valid UTF-8. */
    boolean feed(ByteBuffer piece) {
        ByteBuffer in = ByteBuffer.allocate(carry.length + piece.remaining()).put(carry).put(piece.duplicate()).flip();
        boolean ok = !decoder.decode(in, CharBuffer.allocate(in.remaining()), false).isError();
        carry = new byte[in.remaining()];
        in.get(carry);
        return ok;
    }

    /** Whether the message fed so far is complete, valid UTF-8; then resets for the next one. */
    boolean end() {
        ByteBuffer in = ByteBuffer.wrap(carry);
        CharBuffer out = CharBuffer.allocate(4);
        boolean ok = !decoder.decode(in, out, true).isError() && !in.hasRemaining() && !decoder.flush(out).isError();
        reset();
        return ok;
    }
}
