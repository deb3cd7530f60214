package dev.freeway.examples.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameHasherTest {

    @Test
    void answersEachFrameWithTheDigestOfTheMessageSoFar() throws Exception {
        List<String> answers = new ArrayList<>();
        FrameHasher hasher = new FrameHasher(answers::add);
        hasher.onMessageBegin(2);
        hasher.onFrame(ascii("abc"), 0);
        hasher.onFrame(ascii("def"), 0);
        hasher.onFrame(ascii(""), 0);
        hasher.onMessageEnd();
        hasher.onMessageBegin(2);
        hasher.onFrame(ascii("abc"), 0);
        assertThat(answers).containsExactly(sha256("abc"), sha256("abcdef"), sha256("abcdef"), sha256("abc"));
    }

    @Test
    void theRunningDigestGoesOnAfterItIsRead() throws Exception {
        RunningDigest d = new RunningDigest();
        d.update(ascii("ab"));
        assertThat(d.hex()).isEqualTo(sha256("ab"));
        d.update(ascii("c"));
        assertThat(d.hex()).isEqualTo(sha256("abc"));
        assertThat(RunningDigest.of(ascii("abc"))).isEqualTo(
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"); // FIPS 180-2 example
    }

    private static ByteBuffer ascii(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.US_ASCII));
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.US_ASCII)));
    }
}
