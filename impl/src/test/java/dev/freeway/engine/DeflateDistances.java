package dev.freeway.engine;

/**
 * A test-only reader of raw DEFLATE (RFC 1951) that decodes a stream's structure without keeping
 * its output, to find the longest back-reference distance: the window a compressor really used.
 * Written from the RFC so the window checks do not trust zlib, JZlib or java.util.zip.
 *
 * <p>It reads whole blocks until the input ends, which must be at a block boundary: a
 * permessage-deflate stream (each message's payload plus the {@code 00 00 ff ff} tail) always
 * ends with an empty stored block.
 */
public final class DeflateDistances {
    private static final int[] LENGTH_BASE = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59,
        67, 83, 99, 115, 131, 163, 195, 227, 258};
    private static final int[] LENGTH_EXTRA = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4,
        5, 5, 5, 5, 0};
    private static final int[] DISTANCE_BASE = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385,
        513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
    private static final int[] DISTANCE_EXTRA = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10,
        10, 11, 11, 12, 12, 13, 13};
    /** The order code-length code lengths are sent in (RFC 1951 section 3.2.7). */
    private static final int[] CODE_LENGTH_ORDER = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

    private final byte[] in;
    private int position;
    private int bitBuffer;
    private int bitCount;
    private long outputLength;
    private int maxDistance;

    private DeflateDistances(byte[] in) {
        this.in = in;
    }

    /** The longest distance any back-reference in {@code stream} uses; 0 when it has none. */
    public static int maxDistance(byte[] stream) {
        DeflateDistances d = new DeflateDistances(stream);
        d.readAll();
        return d.maxDistance;
    }

    private void readAll() {
        while (position < in.length) {
            boolean last = bits(1) == 1;
            if (last) {
                throw new AssertionError("BFINAL set: RFC 7692 senders sync-flush, they do not finish");
            }
            switch (bits(2)) {
                case 0 -> stored();
                case 1 -> codes(Huffman.fixedLiterals(), Huffman.fixedDistances());
                case 2 -> dynamic();
                default -> throw new AssertionError("reserved block type at byte " + position);
            }
        }
        if (bitCount >= 8) {
            throw new AssertionError("stream did not end at a block boundary");
        }
    }

    private int bits(int n) {
        while (bitCount < n) {
            if (position == in.length) {
                throw new AssertionError("stream ends inside a block");
            }
            bitBuffer |= (in[position++] & 0xff) << bitCount;
            bitCount += 8;
        }
        int value = bitBuffer & ((1 << n) - 1);
        bitBuffer >>>= n;
        bitCount -= n;
        return value;
    }

    private void stored() {
        bitBuffer = 0;
        bitCount = 0;
        if (position + 4 > in.length) {
            throw new AssertionError("stored block header cut short");
        }
        int length = (in[position] & 0xff) | (in[position + 1] & 0xff) << 8;
        int complement = (in[position + 2] & 0xff) | (in[position + 3] & 0xff) << 8;
        if (length != (~complement & 0xffff)) {
            throw new AssertionError("stored block length does not match its complement");
        }
        position += 4 + length;
        outputLength += length;
    }

    private void dynamic() {
        int literalCodes = bits(5) + 257;
        int distanceCodes = bits(5) + 1;
        int lengthCodes = bits(4) + 4;
        int[] codeLengthLengths = new int[19];
        for (int i = 0; i < lengthCodes; i++) {
            codeLengthLengths[CODE_LENGTH_ORDER[i]] = bits(3);
        }
        Huffman codeLengths = new Huffman(codeLengthLengths, 19);
        int[] lengths = new int[literalCodes + distanceCodes];
        int i = 0;
        while (i < lengths.length) {
            int symbol = codeLengths.decode(this);
            if (symbol < 16) {
                lengths[i++] = symbol;
                continue;
            }
            int repeat;
            int value = 0;
            if (symbol == 16) {
                value = lengths[i - 1];
                repeat = 3 + bits(2);
            } else if (symbol == 17) {
                repeat = 3 + bits(3);
            } else {
                repeat = 11 + bits(7);
            }
            for (int r = 0; r < repeat; r++) {
                lengths[i++] = value;
            }
        }
        int[] distanceLengths = new int[distanceCodes];
        System.arraycopy(lengths, literalCodes, distanceLengths, 0, distanceCodes);
        codes(new Huffman(lengths, literalCodes), new Huffman(distanceLengths, distanceCodes));
    }

    private void codes(Huffman literals, Huffman distances) {
        while (true) {
            int symbol = literals.decode(this);
            if (symbol < 256) {
                outputLength++;
            } else if (symbol == 256) {
                return;
            } else {
                int lengthCode = symbol - 257;
                int length = LENGTH_BASE[lengthCode] + bits(LENGTH_EXTRA[lengthCode]);
                int distanceCode = distances.decode(this);
                int distance = DISTANCE_BASE[distanceCode] + bits(DISTANCE_EXTRA[distanceCode]);
                if (distance > outputLength) {
                    throw new AssertionError("distance " + distance + " reaches before the stream's start");
                }
                maxDistance = Math.max(maxDistance, distance);
                outputLength += length;
            }
        }
    }

    /** A canonical Huffman code as counts per length and symbols in code order. */
    private static final class Huffman {
        private final int[] counts = new int[16];
        private final int[] symbols;

        Huffman(int[] lengths, int n) {
            symbols = new int[n];
            for (int s = 0; s < n; s++) {
                counts[lengths[s]]++;
            }
            int[] offsets = new int[16];
            for (int len = 1; len < 15; len++) {
                offsets[len + 1] = offsets[len] + counts[len];
            }
            for (int s = 0; s < n; s++) {
                if (lengths[s] != 0) {
                    symbols[offsets[lengths[s]]++] = s;
                }
            }
        }

        static Huffman fixedLiterals() {
            int[] lengths = new int[288];
            for (int s = 0; s < 288; s++) {
                lengths[s] = s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8;
            }
            return new Huffman(lengths, 288);
        }

        static Huffman fixedDistances() {
            int[] lengths = new int[30];
            java.util.Arrays.fill(lengths, 5);
            return new Huffman(lengths, 30);
        }

        /** Reads one symbol: codes are sent most significant bit first, one bit at a time. */
        int decode(DeflateDistances d) {
            int code = 0;
            int first = 0;
            int index = 0;
            for (int len = 1; len < 16; len++) {
                code |= d.bits(1);
                int count = counts[len];
                if (code - first < count) {
                    return symbols[index + code - first];
                }
                index += count;
                first += count;
                first <<= 1;
                code <<= 1;
            }
            throw new AssertionError("invalid Huffman code");
        }
    }
}
