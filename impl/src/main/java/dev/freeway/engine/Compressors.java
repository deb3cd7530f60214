package dev.freeway.engine;

/**
 * Chooses the {@link Compressor} for a negotiated window size, and knows whether windows below 15
 * bits can be had at all.
 *
 * <ul>
 *   <li>15 bits: {@link java.util.zip.Deflater}, the only window it has.</li>
 *   <li>9-14 bits: JZlib ({@code com.jcraft:jzlib}), an optional dependency: without it on the
 *       class path {@link #smallWindowsAvailable()} is false and such windows are never
 *       negotiated (see {@link PerMessageDeflate}). Its {@code memLevel} follows the window
 *       ({@link #memLevel}), so that the memory a small window is chosen for really shrinks.</li>
 *   <li>8 bits: zlib and JZlib refuse a raw stream with a 256-byte window (zlib 1.2.9 and later
 *       return an error; earlier ones silently used 512 bytes), and RFC 7692 section 7.1.2.1 forbids
 *       compressing with a larger window than agreed. So 8 bits compresses with JZlib's 9-bit window
 *       and the Huffman-only strategy: it emits literals only, never a back-reference, and so
 *       reads nothing from any window; the output is valid for every window size. It saves less
 *       than LZ77 (about a third on chat-like text, against three fifths) but stays conforming.</li>
 * </ul>
 */
final class Compressors {
    private static final String JZLIB_CLASS = "com.jcraft.jzlib.Deflater";
    /** Decided once: whether JZlib can be loaded. Immutable, like the class path it reflects. */
    private static final boolean JZLIB_PRESENT = present(JZLIB_CLASS);

    private Compressors() {
    }

    /** Whether windows below 15 bits can be compressed with: whether JZlib is on the class path. */
    static boolean smallWindowsAvailable() {
        return JZLIB_PRESENT;
    }

    /**
     * A compressor that uses at most a {@code windowBits} window.
     *
     * @param windowBits 8-15
     * @param level      0-9 or -1 (zlib's default)
     * @throws IllegalStateException for 8-14 when JZlib is absent
     */
    static Compressor open(int windowBits, int level) {
        if (windowBits == DeflateParameters.MAX_WINDOW_BITS) {
            return new JdkCompressor(level);
        }
        if (!JZLIB_PRESENT) {
            throw new IllegalStateException("a " + windowBits + "-bit deflate window needs JZlib (com.jcraft:jzlib) on the class path");
        }
        if (windowBits == DeflateParameters.MIN_WINDOW_BITS) {
            return new JzlibCompressor(level, windowBits + 1, memLevel(windowBits + 1), true);
        }
        return new JzlibCompressor(level, windowBits, memLevel(windowBits), false);
    }

    /**
     * zlib's {@code memLevel} for a window: 7 at 13 and 14 bits, one less per bit below, down to 3
     * at 9 bits. zlib needs about {@code 2^(windowBits+2) + 2^(memLevel+9)} bytes; at its default
     * of 8 the second term (128 KiB of hash table and block buffer) would dwarf a small window's
     * and leave a 9-bit compressor at half the memory of a 15-bit one instead of a fraction. A
     * smaller memLevel means shorter blocks and a smaller hash: a little ratio and speed, which a
     * deployer choosing a small window has already chosen to trade (figures in
     * {@code benchmarks/RESULTS.md}). JZlib's arrays live on the Java heap and are touched whole,
     * where zlib's native ones become resident only as used, so 13 and 14 bits save nothing over
     * java.util.zip's 15: they are there for peers that ask for them.
     */
    static int memLevel(int windowBits) {
        return Math.min(7, windowBits - 6);
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, Compressors.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
