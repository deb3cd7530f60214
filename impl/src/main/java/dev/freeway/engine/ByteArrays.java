package dev.freeway.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Word-at-a-time access to byte arrays, for unmasking and UTF-8 scanning. */
final class ByteArrays {
    private static final VarHandle LONG_BE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private ByteArrays() {
    }

    /** The eight bytes at {@code index}, big-endian (byte order matters only for masking). */
    static long getLong(byte[] bytes, int index) {
        return (long) LONG_BE.get(bytes, index);
    }

    static void putLong(byte[] bytes, int index, long value) {
        LONG_BE.set(bytes, index, value);
    }
}
