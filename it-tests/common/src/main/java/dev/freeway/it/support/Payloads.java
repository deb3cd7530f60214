package dev.freeway.it.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic message payloads of exact sizes, so that a failure names the size and can be
 * reproduced, and so that payloads are not all zeros (a zero payload hides masking and offset bugs).
 */
public final class Payloads {

    /** Text with one- to three-byte UTF-8 characters, repeated to fill a size. */
    private static final String PATTERN = "Freeway \u00e9\u00e8 \u20ac 0123456789 lorem ipsum dolor sit amet\n";

    private Payloads() {
    }

    /**
     * Returns text of exactly {@code utf8Bytes} bytes in UTF-8, with multi-byte characters in it;
     * characters never straddle the end, which is padded with ASCII.
     *
     * @param utf8Bytes the size in bytes
     * @return the text
     */
    public static String text(int utf8Bytes) {
        StringBuilder text = new StringBuilder(utf8Bytes);
        int size = 0;
        for (int i = 0; ; i = (i + 1) % PATTERN.length()) {
            char c = PATTERN.charAt(i);
            int width = c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            if (size + width > utf8Bytes) {
                break;
            }
            text.append(c);
            size += width;
        }
        while (size++ < utf8Bytes) {
            text.append('x');
        }
        return text.toString();
    }

    /**
     * Returns bytes that count up, so that a shifted or reordered chunk shows.
     *
     * @param size the size
     * @return the bytes
     */
    public static byte[] binary(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31 + (i >>> 8));
        }
        return bytes;
    }

    /**
     * @param bytes some bytes
     * @return their SHA-256, in lower-case hex
     */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    /**
     * @param text some text
     * @return the SHA-256 of its UTF-8 bytes, in lower-case hex
     */
    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
