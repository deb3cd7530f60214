package dev.freeway.engine;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * An incremental UTF-8 validator (RFC 3629): feed bytes in any split, learn at the first byte
 * that can no longer be part of valid UTF-8. Rejects overlong forms, surrogates (U+D800-DFFF)
 * and code points above U+10FFFF exactly where a decoder would.
 *
 * <p>The state is two small ints, so one instance lives in every connection at no cost. In
 * arrays, ASCII runs are checked eight and then 64 bytes at a time.
 */
final class Utf8 {
    private static final long HIGH_BITS = 0x8080808080808080L;

    /** Bytes still expected to complete the current code point (0 when between code points). */
    private int pending;
    /** Bounds for the next byte: most lead bytes allow 0x80-0xBF; a few narrow it. */
    private int nextMin = 0x80;
    private int nextMax = 0xBF;

    /**
     * Validates {@code buf} from its position to its limit without moving them.
     *
     * @return -1 if all bytes are valid so far, else the index (absolute, in {@code buf}) of the
     *         first invalid byte
     */
    int validate(ByteBuffer buf) {
        if (buf.hasArray()) {
            int off = buf.arrayOffset();
            int at = validate(buf.array(), off + buf.position(), off + buf.limit());
            return at < 0 ? -1 : at - off;
        }
        int p = pending;
        int min = nextMin;
        int max = nextMax;
        for (int i = buf.position(), end = buf.limit(); i < end; i++) {
            int b = buf.get(i) & 0xFF;
            if (p == 0) {
                if (b < 0x80) {
                    continue;
                }
                p = leadPending(b);
                if (p < 0) {
                    save(0, 0x80, 0xBF);
                    return i;
                }
                min = leadMin(b);
                max = leadMax(b);
            } else {
                if (b < min || b > max) {
                    save(p, min, max);
                    return i;
                }
                p--;
                min = 0x80;
                max = 0xBF;
            }
        }
        save(p, min, max);
        return -1;
    }

    /** As {@link #validate(ByteBuffer)} for {@code bytes[from, to)}; returns the bad index or -1. */
    int validate(byte[] bytes, int from, int to) {
        int p = pending;
        int min = nextMin;
        int max = nextMax;
        int i = from;
        while (i < to) {
            if (p == 0) {
                if (bytes[i] >= 0) {
                    // Test the byte first: in text that is not mostly ASCII, most code points
                    // start with a lead byte and need no word-wide look.
                    i = skipAscii(bytes, i + 1, to);
                    continue;
                }
                int b = bytes[i] & 0xFF;
                p = leadPending(b);
                if (p < 0) {
                    save(0, 0x80, 0xBF);
                    return i;
                }
                min = leadMin(b);
                max = leadMax(b);
            } else {
                int b = bytes[i] & 0xFF;
                if (b < min || b > max) {
                    save(p, min, max);
                    return i;
                }
                p--;
                min = 0x80;
                max = 0xBF;
            }
            i++;
        }
        save(p, min, max);
        return -1;
    }

    /**
     * The index of the first byte at or after {@code i} that is not ASCII, or {@code to}. After
     * eight ASCII bytes more usually follow, so it then tests 64 bytes per branch: OR-ing eight
     * words and testing once lets the CPU stream through long runs (on 64 KiB of ASCII about 3x
     * the speed of testing each word), while text with short ASCII runs pays one failed word test.
     */
    private static int skipAscii(byte[] bytes, int i, int to) {
        if (i <= to - 8 && (ByteArrays.getLongNative(bytes, i) & HIGH_BITS) == 0) {
            i += 8;
            while (i <= to - 64 && asciiBlock(bytes, i)) {
                i += 64;
            }
            while (i <= to - 8 && (ByteArrays.getLongNative(bytes, i) & HIGH_BITS) == 0) {
                i += 8;
            }
        }
        while (i < to && bytes[i] >= 0) {
            i++;
        }
        return i;
    }

    /** Whether the 64 bytes at {@code i} are all ASCII. */
    private static boolean asciiBlock(byte[] bytes, int i) {
        long any = 0;
        for (int j = 0; j < 64; j += 8) {
            any |= ByteArrays.getLongNative(bytes, i + j);
        }
        return (any & HIGH_BITS) == 0;
    }

    /** Whether the bytes so far end on a code point boundary (a message may end here). */
    boolean isComplete() {
        return pending == 0;
    }

    /** The state as one value, to {@link #restore} after a validation that must not count. */
    long snapshot() {
        return ((long) pending << 16) | (nextMin << 8) | nextMax;
    }

    void restore(long snapshot) {
        save((int) (snapshot >>> 16), (int) (snapshot >>> 8) & 0xFF, (int) snapshot & 0xFF);
    }

    /** Forgets any partial code point, for the next message. */
    void reset() {
        save(0, 0x80, 0xBF);
    }

    private void save(int p, int min, int max) {
        pending = p;
        nextMin = min;
        nextMax = max;
    }

    /** Continuation bytes a lead byte needs, or -1 if it can never start a code point. */
    private static int leadPending(int b) {
        if (b >= 0xC2 && b <= 0xDF) {
            return 1;
        }
        if (b >= 0xE0 && b <= 0xEF) {
            return 2;
        }
        if (b >= 0xF0 && b <= 0xF4) {
            return 3;
        }
        return -1; // 0x80-0xC1 (continuation or overlong 2-byte lead), 0xF5-0xFF
    }

    // The second byte's range is what rules out overlongs (E0, F0), surrogates (ED) and > U+10FFFF (F4).
    private static int leadMin(int b) {
        return b == 0xE0 ? 0xA0 : b == 0xF0 ? 0x90 : 0x80;
    }

    private static int leadMax(int b) {
        return b == 0xED ? 0x9F : b == 0xF4 ? 0x8F : 0xBF;
    }

    /** Whether {@code bytes} is entirely valid, complete UTF-8. */
    static boolean isValid(byte[] bytes) {
        Utf8 v = new Utf8();
        return v.validate(bytes, 0, bytes.length) < 0 && v.isComplete();
    }

    /**
     * {@code s} cut to at most {@code maxBytes} bytes of UTF-8 without splitting a code point
     * (close reasons must fit a control frame).
     */
    static String truncate(String s, int maxBytes) {
        if (s == null) {
            return "";
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length <= maxBytes) {
            return s;
        }
        int end = maxBytes;
        while (end > 0 && (b[end] & 0xC0) == 0x80) {
            end--;
        }
        return new String(b, 0, end, StandardCharsets.UTF_8);
    }
}
