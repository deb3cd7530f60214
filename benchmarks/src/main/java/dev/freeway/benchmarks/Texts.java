package dev.freeway.benchmarks;

import java.nio.charset.StandardCharsets;

/** Valid UTF-8 text of an exact size, for the validation benchmarks. */
public final class Texts {
    /** English prose: every byte below 0x80. */
    private static final String ASCII = "The quick brown fox jumps over the lazy dog. ";
    /**
     * Greek (2-byte), CJK (3-byte) and emoji (4-byte, surrogate pairs in Java) with a little ASCII
     * between words, so every sequence length and many lead/continuation transitions occur.
     */
    private static final String MIXED = "Καλημέρα κόσμε, 你好世界, こんにちは 😀🚀🎉 Ελλάδα 中文 ";

    private Texts() {
    }

    /** {@code size} bytes of UTF-8 of the given kind ({@code ascii} or {@code mixed}). */
    public static byte[] utf8(String kind, int size) {
        String unit = switch (kind) {
            case "ascii" -> ASCII;
            case "mixed" -> MIXED;
            default -> throw new IllegalArgumentException("unknown text kind " + kind);
        };
        byte[] cycle = unit.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[size];
        int at = 0;
        while (at + cycle.length <= size) {
            System.arraycopy(cycle, 0, out, at, cycle.length);
            at += cycle.length;
        }
        // Finish with whole code points of the unit while they fit, then ASCII spaces.
        int i = 0;
        while (at < size) {
            int len = sequenceLength(cycle[i]);
            if (at + len > size) {
                out[at++] = ' ';
                continue;
            }
            System.arraycopy(cycle, i, out, at, len);
            at += len;
            i += len;
        }
        return out;
    }

    private static int sequenceLength(byte lead) {
        int b = lead & 0xFF;
        return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    }
}
