package dev.freeway.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Word-at-a-time access to byte arrays, for frame headers, unmasking and UTF-8 scanning. */
final class ByteArrays {
    /** Whether {@link #getLongNative} puts the byte at the lowest index in the low bits. */
    static final boolean NATIVE_LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    private static final VarHandle LONG_BE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG_NATIVE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private ByteArrays() {
    }

    /** The eight bytes at {@code index}, big-endian (network order, as in frame headers). */
    static long getLong(byte[] bytes, int index) {
        return (long) LONG_BE.get(bytes, index);
    }

    static void putLong(byte[] bytes, int index, long value) {
        LONG_BE.set(bytes, index, value);
    }

    /**
     * The eight bytes at {@code index} in the platform's order. Where the order does not matter
     * (XOR with a key prepared for it, testing high bits) this is a plain load, while the
     * big-endian view costs a byte swap per access on little-endian CPUs: unmasking 64 KiB in
     * place measured about 3x faster this way (x86-64, JDK 17).
     */
    static long getLongNative(byte[] bytes, int index) {
        return (long) LONG_NATIVE.get(bytes, index);
    }

    static void putLongNative(byte[] bytes, int index, long value) {
        LONG_NATIVE.set(bytes, index, value);
    }
}
