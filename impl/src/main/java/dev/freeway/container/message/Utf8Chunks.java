package dev.freeway.container.message;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a text message chunk by chunk into strings that never split a code point: bytes of a
 * code point cut by a chunk boundary are held (at most three) and prefixed to the next chunk. The
 * engine has already validated the bytes, so decoding cannot fail.
 */
public final class Utf8Chunks {
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer carry = ByteBuffer.allocate(4);

    /** The complete code points of {@code chunk} (with any held bytes before it), as a string. */
    public String decode(ByteBuffer chunk, boolean last) {
        CharBuffer out = CharBuffer.allocate(chunk.remaining() + carry.position() + 1);
        ByteBuffer in = chunk.duplicate();
        if (carry.position() > 0) {
            // Complete the held code point byte by byte, then go on with the rest of the chunk.
            while (carry.position() < 4 && in.hasRemaining()) {
                carry.put(in.get());
                carry.flip();
                CoderResult r = decoder.decode(carry, out, false);
                check(r);
                boolean done = !carry.hasRemaining();
                carry.compact();
                if (done) {
                    break;
                }
            }
        }
        check(decoder.decode(in, out, last));
        if (in.hasRemaining()) {
            carry.put(in);
        }
        if (last) {
            check(decoder.flush(out));
            decoder.reset();
            carry.clear();
        }
        return out.flip().toString();
    }

    private static void check(CoderResult r) {
        if (r.isError()) {
            throw new IllegalStateException("text the engine validated failed to decode: " + r);
        }
    }
}
