package dev.freeway.engine;

import static dev.freeway.engine.Feed.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The incremental validator against the JDK's strict decoder, in every split. */
class Utf8Test {

    @ParameterizedTest
    @CsvSource({
            "'', -1",
            "'48 65 6c 6c 6f', -1",
            "'ce ba e1 bd b9 cf 83 ce bc ce b5', -1",
            "'f0 9f 98 80', -1",                  // U+1F600
            "'f4 8f bf bf', -1",                  // U+10FFFF, the last code point
            "'ef bf bf', -1",                     // U+FFFF is a valid noncharacter
            "'80', 0",                            // a lone continuation byte
            "'c0 80', 0",                         // overlong NUL
            "'c1 bf', 0",                         // overlong
            "'e0 80 80', 1",                      // overlong 3-byte form
            "'e0 9f bf', 1",
            "'ed a0 80', 1",                      // surrogate U+D800
            "'ed bf bf', 1",                      // surrogate U+DFFF
            "'f0 80 80 80', 1",                   // overlong 4-byte form
            "'f4 90 80 80', 1",                   // U+110000
            "'f5 80 80 80', 0",
            "'ff', 0",
            "'41 42 e2 28 a1', 3",                // bad continuation
            "'ce ba e1 bd b9 cf 83 ce bc ce b5 ed a0 80 65 64 69 74 65 64', 12",
    })
    void findsTheFirstInvalidByte(String hex, int expected) {
        byte[] b = bytes(hex);
        assertThat(new Utf8().validate(b, 0, b.length)).isEqualTo(expected);
        // One byte at a time gives the same answer.
        Utf8 v = new Utf8();
        int found = -1;
        for (int i = 0; i < b.length && found < 0; i++) {
            if (v.validate(b, i, i + 1) >= 0) {
                found = i;
            }
        }
        assertThat(found).isEqualTo(expected);
    }

    @Test
    void incompleteSequencesAreValidSoFarButNotComplete() {
        Utf8 v = new Utf8();
        assertThat(v.validate(bytes("41 e2 82"), 0, 3)).isEqualTo(-1);
        assertThat(v.isComplete()).isFalse();
        assertThat(v.validate(bytes("ac"), 0, 1)).isEqualTo(-1);
        assertThat(v.isComplete()).isTrue();
    }

    @Test
    void agreesWithTheJdkDecoderOnRandomInputInRandomSplits() {
        Random random = new Random(42);
        for (int round = 0; round < 20_000; round++) {
            byte[] b = randomUtf8ish(random);
            boolean jdk = jdkAccepts(b);
            assertThat(Utf8.isValid(b)).as("%s", Feed.hex(ByteBuffer.wrap(b))).isEqualTo(jdk);
            Utf8 v = new Utf8();
            boolean ok = true;
            ByteBuffer direct = ByteBuffer.allocateDirect(b.length);
            direct.put(b).flip();
            for (int i = 0; i < b.length && ok; ) {
                int n = 1 + random.nextInt(b.length - i);
                ByteBuffer part = random.nextBoolean() ? ByteBuffer.wrap(b, i, n) : direct.slice(i, n);
                ok = v.validate(part) < 0;
                i += n;
            }
            assertThat(ok && v.isComplete()).isEqualTo(jdk);
        }
    }

    @Test
    void asciiFastPathStopsAtTheFirstHighByte() {
        byte[] b = new byte[40];
        java.util.Arrays.fill(b, (byte) 'a');
        b[29] = (byte) 0xff;
        assertThat(new Utf8().validate(b, 0, b.length)).isEqualTo(29);
        assertThat(new Utf8().validate(b, 3, 29)).isEqualTo(-1);
    }

    @Test
    void truncateNeverSplitsACodePoint() {
        assertThat(Utf8.truncate("abc", 5)).isEqualTo("abc");
        assertThat(Utf8.truncate("aé", 2)).isEqualTo("a"); // é is two bytes
        assertThat(Utf8.truncate("€€", 4)).isEqualTo("€");
    }

    private static byte[] randomUtf8ish(Random random) {
        int n = random.nextInt(12);
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            int kind = random.nextInt(6);
            b[i] = (byte) switch (kind) {
                case 0 -> random.nextInt(0x80);
                case 1, 2 -> 0x80 + random.nextInt(0x40);      // continuation bytes
                case 3 -> 0xC0 + random.nextInt(0x20);
                case 4 -> 0xE0 + random.nextInt(0x10);
                default -> 0xF0 + random.nextInt(0x10);
            };
        }
        return b;
    }

    private static boolean jdkAccepts(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
