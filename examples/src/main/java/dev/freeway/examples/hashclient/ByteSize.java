package dev.freeway.examples.hashclient;

import java.util.Locale;

/** Byte counts as people type them: {@code 4096}, {@code 512k}, {@code 16m}, {@code 4g} (powers of 1024). */
public final class ByteSize {
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

    private ByteSize() {
    }

    /**
     * Parses a positive count with an optional {@code k}, {@code m}, {@code g} or {@code t}
     * suffix (case-insensitive, an optional trailing {@code b} or {@code ib} allowed: {@code 16MiB}).
     *
     * @throws IllegalArgumentException if it is not such a count, or overflows a long
     */
    public static long parse(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        if (s.endsWith("ib")) {
            s = s.substring(0, s.length() - 2);
        } else if (s.endsWith("b")) {
            s = s.substring(0, s.length() - 1);
        }
        int shift = 0;
        if (!s.isEmpty()) {
            switch (s.charAt(s.length() - 1)) {
                case 'k' -> shift = 10;
                case 'm' -> shift = 20;
                case 'g' -> shift = 30;
                case 't' -> shift = 40;
                default -> shift = 0;
            }
        }
        String digits = shift == 0 ? s : s.substring(0, s.length() - 1);
        long n;
        try {
            n = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a size (like 4096, 512k, 16m, 4g)", e);
        }
        if (n <= 0) {
            throw new IllegalArgumentException("'" + text + "' must be positive");
        }
        if (n > (Long.MAX_VALUE >> shift)) {
            throw new IllegalArgumentException("'" + text + "' is too large");
        }
        return n << shift;
    }

    /** {@code 4.0 GiB}, {@code 512 B}. */
    public static String format(long bytes) {
        int unit = 0;
        double value = bytes;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }
}
