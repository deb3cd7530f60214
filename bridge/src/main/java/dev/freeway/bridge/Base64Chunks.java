package dev.freeway.bridge;

import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * Decodes one Base64 text message that arrives in parts of any length (a container hands partial
 * text messages split wherever its buffers end, not on 4-character quanta). At most three
 * characters are carried from one part to the next, so memory stays constant whatever the
 * message's size. One instance per direction of one connection; not thread-safe.
 */
public final class Base64Chunks {
    private final char[] carry = new char[3];
    private int carried;

    /**
     * Decodes {@code part} and what earlier parts left over; {@code last} says the message ends
     * here (padding is accepted there, not required).
     *
     * @throws IllegalArgumentException if the text is not Base64
     */
    public ByteBuffer decode(CharSequence part, boolean last) {
        int total = carried + part.length();
        int whole = last ? total : total - total % 4;
        byte[] ascii = new byte[whole];
        char[] rest = new char[3];
        for (int i = 0; i < total; i++) {
            char c = i < carried ? carry[i] : part.charAt(i - carried);
            if (i < whole) {
                ascii[i] = toAscii(c);
            } else {
                rest[i - whole] = c; // less than one quantum: waits for the next part
            }
        }
        carried = total - whole;
        System.arraycopy(rest, 0, carry, 0, carried);
        return ByteBuffer.wrap(Base64.getDecoder().decode(ascii));
    }

    private static byte toAscii(char c) {
        if (c > 0x7f) {
            throw new IllegalArgumentException("not Base64: U+" + Integer.toHexString(c));
        }
        return (byte) c;
    }
}
