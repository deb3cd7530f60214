package dev.freeway.engine;

import static dev.freeway.engine.DeflateTestBytes.bytes;
import static dev.freeway.engine.DeflateTestBytes.concat;
import static dev.freeway.engine.DeflateTestBytes.referenceInflate;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Many messages through {@link MessageDeflater} and {@link MessageInflater}, fragmented and
 * sliced at random, with and without context takeover, in both directions; each message is also
 * checked with a plain {@link Inflater} so the pair cannot hide a shared mistake.
 */
class DeflateRoundTripTest {
    private static final int MESSAGES = 120;

    static Stream<Arguments> connections() {
        List<Arguments> all = new ArrayList<>();
        long seed = 1;
        for (Role sender : Role.values()) {
            for (boolean serverNoContextTakeover : new boolean[] {false, true}) {
                for (boolean clientNoContextTakeover : new boolean[] {false, true}) {
                    all.add(Arguments.of(sender, serverNoContextTakeover, clientNoContextTakeover, seed++));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} sends, server_no_context_takeover={1}, client_no_context_takeover={2}")
    @MethodSource("connections")
    void randomMessagesSurviveRandomFramingAndSlicing(Role sender, boolean serverNoContextTakeover,
                                                      boolean clientNoContextTakeover, long seed) throws Exception {
        Random random = new Random(seed);
        DeflateParameters parameters = new DeflateParameters(serverNoContextTakeover, clientNoContextTakeover, 15, 15);
        Role receiver = sender == Role.CLIENT ? Role.SERVER : Role.CLIENT;
        boolean senderResets = parameters.resetDeflaterAfterMessage(sender);
        assertThat(parameters.resetInflaterAfterMessage(receiver)).isEqualTo(senderResets);

        int level = random.nextInt(11) - 1;
        int chunkSize = 1 + random.nextInt(random.nextBoolean() ? 64 : 20_000);
        MessageDeflater deflater = new MessageDeflater(parameters, sender, level);
        MessageInflater inflater = new MessageInflater(parameters, receiver, chunkSize);
        Inflater reference = new Inflater(true);

        byte[] previous = new byte[0];
        for (int m = 0; m < MESSAGES; m++) {
            byte[] message = message(random, previous);
            List<byte[]> frames = compressFramed(deflater, message, random);
            byte[] payload = concat(frames.toArray(new byte[0][]));

            byte[] inflated = inflate(inflater, chunkSize, slice(payload, random), random);
            assertThat(inflated).as("message %d", m).isEqualTo(message);

            if (senderResets) {
                // Each message must stand alone.
                assertThat(referenceInflate(new Inflater(true), payload)).isEqualTo(message);
            } else {
                assertThat(referenceInflate(reference, payload)).isEqualTo(message);
            }
            if (senderResets && random.nextInt(4) == 0) {
                deflater.release();
                inflater.release();
            }
            previous = message;
        }
    }

    /** Empty, tiny, text-like, random, repetitive, or an echo of the previous message. */
    static byte[] message(Random random, byte[] previous) {
        int kind = random.nextInt(6);
        int length = random.nextInt(4) == 0 ? random.nextInt(200_000) : random.nextInt(2_000);
        switch (kind) {
            case 0:
                return new byte[0];
            case 1: {
                byte[] b = new byte[1 + random.nextInt(8)];
                random.nextBytes(b);
                return b;
            }
            case 2: {
                StringBuilder sb = new StringBuilder();
                String[] words = {"deflate ", "frame ", "message ", "window ", "héllo ", "€ ", "\n"};
                while (sb.length() < length) {
                    sb.append(words[random.nextInt(words.length)]);
                }
                return sb.toString().getBytes(StandardCharsets.UTF_8);
            }
            case 3: {
                byte[] b = new byte[length];
                random.nextBytes(b);
                return b;
            }
            case 4: {
                byte[] b = new byte[length];
                for (int i = 0; i < b.length; i++) {
                    b[i] = (byte) (i / 300 % 3);
                }
                return b;
            }
            default:
                return previous.clone();
        }
    }

    /** Compresses {@code message} as frames of random sizes (some empty), via every input variant. */
    static List<byte[]> compressFramed(MessageDeflater deflater, byte[] message, Random random) {
        List<byte[]> frames = new ArrayList<>();
        int offset = 0;
        while (true) {
            int size = random.nextInt(3) == 0 ? message.length - offset : random.nextInt(message.length - offset + 1);
            boolean last = offset + size == message.length && random.nextInt(4) != 0;
            ByteBuffer out = switch (random.nextInt(3)) {
                case 0 -> deflater.compress(ByteBuffer.wrap(message, offset, size), last);
                case 1 -> deflater.compress(message, offset, size, last);
                default -> deflater.compress(ByteBuffer.allocateDirect(size).put(message, offset, size).flip(), last);
            };
            frames.add(bytes(out));
            offset += size;
            if (last) {
                return frames;
            }
        }
    }

    static List<byte[]> slice(byte[] payload, Random random) {
        List<byte[]> slices = new ArrayList<>();
        int offset = 0;
        while (offset < payload.length) {
            int size = 1 + random.nextInt(random.nextBoolean() ? 8 : payload.length - offset);
            size = Math.min(size, payload.length - offset);
            byte[] s = new byte[size];
            System.arraycopy(payload, offset, s, 0, size);
            slices.add(s);
            offset += size;
        }
        return slices;
    }

    /** Inflates with either way of draining a caller may choose. */
    static byte[] inflate(MessageInflater inflater, int chunkSize, List<byte[]> slices, Random random)
            throws RemoteProtocolError {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i <= slices.size(); i++) {
            if (i < slices.size()) {
                ByteBuffer in = ByteBuffer.wrap(slices.get(i));
                inflater.input(in);
                if (i == slices.size() - 1 && random.nextBoolean()) {
                    inflater.endOfMessage(); // announced before the last slice is drained
                    i++;
                }
            } else {
                inflater.endOfMessage();
            }
            if (random.nextBoolean()) {
                DeflateTestBytes.drain(inflater, out, chunkSize);
            } else {
                for (ByteBuffer chunk = inflater.inflate(); chunk.hasRemaining(); chunk = inflater.inflate()) {
                    assertThat(chunk.remaining()).isLessThanOrEqualTo(chunkSize);
                    byte[] b = bytes(chunk);
                    out.write(b, 0, b.length);
                }
                assertThat(inflater.needsInput()).isTrue();
            }
        }
        assertThat(inflater.inMessage()).isFalse();
        return out.toByteArray();
    }

    @ParameterizedTest(name = "level {0}")
    @MethodSource("levels")
    void plainDeflaterOutputInflates(int level) throws Exception {
        // Data from a Deflater driven the textbook way (sync flush, tail removed), not by our class.
        Random random = new Random(level + 100L);
        Deflater plain = new Deflater(level, true);
        MessageInflater inflater = new MessageInflater(DeflateParameters.DEFAULTS, Role.CLIENT, 500);
        byte[] previous = new byte[0];
        for (int m = 0; m < 40; m++) {
            byte[] message = message(random, previous);
            plain.setInput(message);
            ByteArrayOutputStream compressed = new ByteArrayOutputStream();
            byte[] buf = new byte[1024];
            int n;
            do {
                n = plain.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
                compressed.write(buf, 0, n);
            } while (n == buf.length);
            byte[] c = compressed.toByteArray();
            // With no new input since its last flush zlib emits nothing at all, and a naive sender
            // sends that empty payload, which the inflater must take as an empty message.
            byte[] payload = c.length == 0 ? c : java.util.Arrays.copyOf(c, c.length - 4);

            assertThat(inflate(inflater, 500, slice(payload, random), random)).isEqualTo(message);
            previous = message;
        }
        plain.end();
    }

    static Stream<Integer> levels() {
        return Stream.of(Deflater.DEFAULT_COMPRESSION, Deflater.NO_COMPRESSION, Deflater.BEST_SPEED, Deflater.BEST_COMPRESSION);
    }
}
