package dev.freeway.engine;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The XOR masking of RFC 6455 section 5.3, eight bytes at a time.
 *
 * <p>A mask key is kept as a big-endian {@code int} (key byte 0 in the top bits). After masking
 * {@code n} bytes the key for the next byte is the key rotated left by {@code 8 * (n % 4)} bits,
 * which is what lets a frame's payload be unmasked chunk by chunk as it arrives.
 */
final class Masking {
    private Masking() {
    }

    /**
     * XORs {@code buf[from, to)} in place with {@code key}.
     *
     * @return the key for the byte after {@code to}
     */
    static int maskInPlace(ByteBuffer buf, int from, int to, int key) {
        if (buf.hasArray()) {
            int off = buf.arrayOffset();
            return maskInPlace(buf.array(), off + from, off + to, key);
        }
        int i = from;
        if (to - from >= 8) {
            long wide = wide(key);
            if (buf.order() == ByteOrder.LITTLE_ENDIAN) {
                wide = Long.reverseBytes(wide);
            }
            for (int end = to - 7; i < end; i += 8) {
                buf.putLong(i, buf.getLong(i) ^ wide);
            }
        }
        int k = key;
        for (; i < to; i++) {
            buf.put(i, (byte) (buf.get(i) ^ (k >>> 24)));
            k = Integer.rotateLeft(k, 8);
        }
        return Integer.rotateLeft(key, 8 * ((to - from) & 3));
    }

    /** As {@link #maskInPlace(ByteBuffer, int, int, int)} on an array range. */
    static int maskInPlace(byte[] a, int from, int to, int key) {
        int i = from;
        if (to - from >= 8) {
            // Native order: key byte 0 must meet the byte at the lowest index, wherever the
            // platform puts it in a long. This keeps the loop free of byte swaps.
            long wide = wide(key);
            if (ByteArrays.NATIVE_LITTLE_ENDIAN) {
                wide = Long.reverseBytes(wide);
            }
            for (int end = to - 7; i < end; i += 8) {
                ByteArrays.putLongNative(a, i, ByteArrays.getLongNative(a, i) ^ wide);
            }
        }
        int k = key;
        for (; i < to; i++) {
            a[i] ^= (byte) (k >>> 24);
            k = Integer.rotateLeft(k, 8);
        }
        return Integer.rotateLeft(key, 8 * ((to - from) & 3));
    }

    /**
     * Copies {@code src} (position to limit, not moved) into {@code dst[at...]}, masked.
     *
     * @return the key for the byte after the copied ones
     */
    static int copyMasked(ByteBuffer src, byte[] dst, int at, int key) {
        int n = src.remaining();
        src.duplicate().get(dst, at, n);
        return maskInPlace(dst, at, at + n, key);
    }

    private static long wide(int key) {
        return ((long) key << 32) | (key & 0xFFFFFFFFL);
    }
}
