package dev.freeway.engine;

import static dev.freeway.engine.DeflateTestBytes.concat;
import static dev.freeway.engine.DeflateTestBytes.hex;
import static dev.freeway.engine.DeflateTestBytes.referenceInflate;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every window size a peer may negotiate (RFC 7692 section 7.1.2), in both roles, with and
 * without context takeover: messages through {@link MessageDeflater} come back byte-exact from
 * {@link MessageInflater} and from a plain JDK {@link Inflater} (which reads any window), and the
 * stream's longest back-reference, read by {@link DeflateDistances}, stays within the window.
 */
class DeflateWindowRoundTripTest {
    private static final int MESSAGES = 40;

    static Stream<Arguments> windows() {
        List<Arguments> all = new ArrayList<>();
        long seed = 1000;
        for (int bits = DeflateParameters.MIN_WINDOW_BITS; bits <= DeflateParameters.MAX_WINDOW_BITS; bits++) {
            for (Role sender : Role.values()) {
                for (boolean contextTakeover : new boolean[] {true, false}) {
                    all.add(Arguments.of(bits, sender, contextTakeover, seed++));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} bits, {1} sends, context takeover {2}")
    @MethodSource("windows")
    void compressesWithinTheWindowAndInflatesByteExact(int bits, Role sender, boolean contextTakeover, long seed)
            throws Exception {
        Random random = new Random(seed);
        boolean noContext = !contextTakeover;
        DeflateParameters parameters = sender == Role.SERVER
                ? new DeflateParameters(noContext, false, bits, 15)
                : new DeflateParameters(false, noContext, 15, bits);
        Role receiver = sender == Role.CLIENT ? Role.SERVER : Role.CLIENT;
        assertThat(parameters.deflateWindowBits(sender)).isEqualTo(bits);

        int chunkSize = 1 + random.nextInt(4096);
        MessageDeflater deflater = new MessageDeflater(parameters, sender, random.nextInt(11) - 1);
        MessageInflater inflater = new MessageInflater(parameters, receiver, chunkSize);
        Inflater reference = new Inflater(true);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();

        byte[] previous = new byte[0];
        for (int m = 0; m < MESSAGES; m++) {
            byte[] message = DeflateRoundTripTest.message(random, previous);
            byte[] payload = concat(DeflateRoundTripTest.compressFramed(deflater, message, random).toArray(new byte[0][]));

            assertThat(DeflateRoundTripTest.inflate(inflater, chunkSize, DeflateRoundTripTest.slice(payload, random), random))
                    .as("message %d through MessageInflater", m).isEqualTo(message);
            Inflater independent = contextTakeover ? reference : new Inflater(true);
            assertThat(referenceInflate(independent, payload)).as("message %d through Inflater", m).isEqualTo(message);
            stream.write(payload);
            stream.write(hex("00 00 ff ff"));
            previous = message;
        }
        deflater.release();

        int maxDistance = DeflateDistances.maxDistance(stream.toByteArray());
        if (bits == DeflateParameters.MIN_WINDOW_BITS) {
            // Literals only (see Compressors): nothing refers back at all.
            assertThat(maxDistance).isZero();
        } else {
            assertThat(maxDistance).isPositive().isLessThanOrEqualTo(1 << bits);
        }
    }

    @Test
    void theDistanceReaderSeesA15BitWindowUsedInFull() throws Exception {
        // Without this the window checks above could pass on a reader that never saw a long distance.
        byte[] block = new byte[20_000];
        new Random(7).nextBytes(block);
        byte[] message = concat(block, block);
        MessageDeflater deflater = new MessageDeflater(DeflateParameters.DEFAULTS, Role.SERVER, 6);

        byte[] payload = DeflateTestBytes.bytes(deflater.compress(message, 0, message.length, true));

        assertThat(referenceInflate(new Inflater(true), payload)).isEqualTo(message);
        assertThat(DeflateDistances.maxDistance(concat(payload, hex("00 00 ff ff")))).isEqualTo(20_000);
    }

    @Test
    void smallWindowsCompressRepetitiveData() {
        // A 9-bit window still finds repeats within 512 bytes: the JZlib path really compresses.
        byte[] message = "permessage-deflate window ".repeat(2000).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        MessageDeflater nine = new MessageDeflater(new DeflateParameters(false, false, 9, 15), Role.SERVER, -1);
        MessageDeflater eight = new MessageDeflater(new DeflateParameters(false, false, 8, 15), Role.SERVER, -1);

        int nineBits = nine.compress(message, 0, message.length, true).remaining();
        int eightBits = eight.compress(message, 0, message.length, true).remaining();

        assertThat(nineBits).isLessThan(message.length / 50);
        // Huffman coding alone still saves on text: fewer bits for frequent letters.
        assertThat(eightBits).isLessThan(message.length * 3 / 4).isGreaterThan(nineBits);
    }
}
