package dev.freeway.benchmarks;

import java.util.Random;

/**
 * One masked binary frame, laid out as a client sends it (RFC 6455 section 5.2), built here by
 * hand rather than with the engine's writer so the benchmarks do not test the engine against
 * itself.
 */
public final class MaskedFrame {
    /** A fixed, asymmetric key: a symmetric one (all bytes equal) would hide rotation bugs. */
    private static final int MASK_KEY = 0x37FA213D;

    private final byte[] wire;
    private final byte[] payload;
    private final int headerLength;

    private MaskedFrame(byte[] wire, byte[] payload, int headerLength) {
        this.wire = wire;
        this.payload = payload;
        this.headerLength = headerLength;
    }

    /** A final binary frame carrying {@code size} pseudo-random bytes (the same for a given size). */
    public static MaskedFrame binary(int size) {
        byte[] payload = new byte[size];
        new Random(size).nextBytes(payload);
        return of(0x2, payload);
    }

    /** A final frame with {@code opcode} carrying {@code payload}, masked. */
    public static MaskedFrame of(int opcode, byte[] payload) {
        int n = payload.length;
        int lengthBytes = n < 126 ? 0 : n <= 0xFFFF ? 2 : 8;
        int headerLength = 2 + lengthBytes + 4;
        byte[] wire = new byte[headerLength + n];
        wire[0] = (byte) (0x80 | opcode); // FIN, no RSV bits
        if (lengthBytes == 0) {
            wire[1] = (byte) (0x80 | n);
        } else {
            wire[1] = (byte) (0x80 | (lengthBytes == 2 ? 126 : 127));
            for (int i = 0; i < lengthBytes; i++) {
                wire[2 + i] = (byte) ((long) n >>> (8 * (lengthBytes - 1 - i)));
            }
        }
        int keyAt = 2 + lengthBytes;
        for (int i = 0; i < 4; i++) {
            wire[keyAt + i] = (byte) (MASK_KEY >>> (24 - 8 * i));
        }
        for (int i = 0; i < n; i++) {
            wire[headerLength + i] = (byte) (payload[i] ^ wire[keyAt + (i & 3)]);
        }
        return new MaskedFrame(wire, payload, headerLength);
    }

    /** The frame as it travels: header, mask key, masked payload. A fresh copy. */
    public byte[] wire() {
        return wire.clone();
    }

    /** The unmasked payload. A fresh copy. */
    public byte[] payload() {
        return payload.clone();
    }

    /** Bytes before the payload (2 + extended length + 4). */
    public int headerLength() {
        return headerLength;
    }

    public int length() {
        return wire.length;
    }
}
