package dev.freeway.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Word-at-a-time masking against the byte-by-byte definition of RFC 6455 5.3. */
class MaskingTest {

    @Test
    void matchesTheDefinitionForEveryLengthOffsetAndSplit() {
        Random random = new Random(1);
        byte[] key = new byte[4];
        for (int round = 0; round < 3000; round++) {
            int length = random.nextInt(100);
            random.nextBytes(key);
            byte[] data = new byte[length + 7];
            random.nextBytes(data);
            int offset = random.nextInt(7);
            byte[] expected = data.clone();
            for (int i = 0; i < length; i++) {
                expected[offset + i] ^= key[i & 3];
            }
            int intKey = ByteBuffer.wrap(key).getInt();
            ByteBuffer buffer = buffer(data, random.nextInt(3));
            int k = intKey;
            for (int i = 0; i < length; ) {
                int n = 1 + random.nextInt(length - i);
                k = Masking.maskInPlace(buffer, offset + i, offset + i + n, k);
                i += n;
            }
            byte[] actual = new byte[data.length];
            buffer.duplicate().clear().get(actual);
            assertThat(actual).isEqualTo(expected);
        }
    }

    private static ByteBuffer buffer(byte[] data, int kind) {
        switch (kind) {
            case 0:
                return ByteBuffer.wrap(data.clone());
            case 1:
                return ByteBuffer.allocateDirect(data.length).put(data).clear();
            default:
                return ByteBuffer.allocateDirect(data.length).order(ByteOrder.LITTLE_ENDIAN).put(data).clear();
        }
    }
}
