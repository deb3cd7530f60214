package dev.freeway.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class Base64ChunksTest {

    @RepeatedTest(50)
    void decodesAMessageSplitAnywhere() {
        SplittableRandom random = new SplittableRandom();
        byte[] bytes = Digests.fill(random, new byte[random.nextInt(0, 5000)]);
        String text = Base64.getEncoder().encodeToString(bytes);
        Base64Chunks decoder = new Base64Chunks();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < text.length()) {
            int end = Math.min(text.length(), at + random.nextInt(1, 20));
            ByteBuffer part = decoder.decode(text.substring(at, end), end == text.length());
            out.write(part.array(), part.arrayOffset() + part.position(), part.remaining());
            at = end;
        }
        if (text.isEmpty()) {
            assertThat(decoder.decode("", true).remaining()).isZero();
        }
        assertThat(out.toByteArray()).isEqualTo(bytes);
    }

    @Test
    void eachMessageStandsAlone() {
        Base64Chunks decoder = new Base64Chunks();
        assertThat(decoder.decode("YQ==", true).array()).containsExactly('a');
        assertThat(decoder.decode("Yg", false).remaining()).isZero();
        assertThat(decoder.decode("==", true).array()).containsExactly('b');
    }

    @Test
    void refusesWhatIsNotBase64() {
        assertThatThrownBy(() -> new Base64Chunks().decode("a!bc", true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Base64Chunks().decode("aé==", true)).isInstanceOf(IllegalArgumentException.class);
    }
}
