package dev.freeway.examples.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StreamHasherTest {
    private static final int BATCH = 1000;

    @Test
    void answersEveryBatchWhateverTheChunks() throws Exception {
        byte[] data = new byte[10 * BATCH + 123];
        new Random(7).nextBytes(data);
        List<String> answers = new ArrayList<>();
        StreamHasher hasher = new StreamHasher(BATCH, answers::add);
        hasher.onMessageBegin(2);
        Random chunks = new Random(11);
        for (int at = 0; at < data.length; ) {
            int n = Math.min(data.length - at, 1 + chunks.nextInt(2500)); // chunks across batch boundaries
            ByteBuffer chunk = ByteBuffer.wrap(data, at, n);
            hasher.onFrameData(chunk);
            assertThat(chunk.position()).as("the chunk is left as it was").isEqualTo(at);
            at += n;
        }
        assertThat(answers).containsExactlyElementsOf(expectedBatchDigests(data, 10));
    }

    @Test
    void aNewMessageStartsANewDigest() throws Exception {
        byte[] data = new byte[BATCH];
        new Random(3).nextBytes(data);
        List<String> answers = new ArrayList<>();
        StreamHasher hasher = new StreamHasher(BATCH, answers::add);
        hasher.onMessageBegin(2);
        hasher.onFrameData(ByteBuffer.wrap(data, 0, 400)); // a message cut short
        hasher.onMessageBegin(2);
        hasher.onFrameData(ByteBuffer.wrap(data));
        assertThat(answers).containsExactlyElementsOf(expectedBatchDigests(data, 1));
    }

    /** SHA-256 of the first k batches, for k = 1..count, computed independently. */
    private static List<String> expectedBatchDigests(byte[] data, int count) throws Exception {
        List<String> expected = new ArrayList<>();
        for (int k = 1; k <= count; k++) {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(data, 0, k * BATCH);
            expected.add(HexFormat.of().formatHex(d.digest()));
        }
        return expected;
    }
}
