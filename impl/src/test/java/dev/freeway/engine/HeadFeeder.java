package dev.freeway.engine;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Random;

/**
 * Feeds bytes to an {@link HttpHeadParser} in chunks through one reused buffer that is scribbled
 * over after every call, as a transport would, and collects what the parser left unconsumed.
 */
final class HeadFeeder {
    private HeadFeeder() {
    }

    /** The head parsed and the bytes after it, as left in the buffers. */
    record Outcome<H>(H head, byte[] rest) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Outcome<?> other && Objects.equals(head, other.head) && Arrays.equals(rest, other.rest);
        }

        @Override
        public int hashCode() {
            return Objects.hash(head, Arrays.hashCode(rest));
        }

        @Override
        public String toString() {
            return head + " + " + Arrays.toString(rest);
        }
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static ByteBuffer buffer(String s) {
        return ByteBuffer.wrap(ascii(s));
    }

    /** Feeds {@code input} cut before each offset in {@code cuts} (ascending, in range). */
    static <H> Outcome<H> feed(HttpHeadParser<H> parser, byte[] input, int... cuts) throws RemoteProtocolError {
        ByteBuffer reused = ByteBuffer.allocate(input.length);
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        H head = null;
        int from = 0;
        for (int c = 0; c <= cuts.length; c++) {
            int to = c < cuts.length ? cuts[c] : input.length;
            if (head != null) {
                rest.write(input, from, to - from);
            } else {
                reused.clear();
                reused.put(input, from, to - from).flip();
                head = parser.receive(reused);
                if (head == null && reused.hasRemaining()) {
                    throw new AssertionError("an incomplete head must consume the whole buffer");
                }
                rest.write(reused.array(), reused.position(), reused.remaining());
                Arrays.fill(reused.array(), (byte) '!'); // the parser must have copied what it kept
            }
            from = to;
        }
        return new Outcome<>(head, rest.toByteArray());
    }

    static <H> Outcome<H> oneByteAtATime(HttpHeadParser<H> parser, byte[] input) throws RemoteProtocolError {
        int[] cuts = new int[Math.max(0, input.length - 1)];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = i + 1;
        }
        return feed(parser, input, cuts);
    }

    /** Cuts at random places, from none to about one every three bytes. */
    static <H> Outcome<H> randomSplits(HttpHeadParser<H> parser, byte[] input, Random random) throws RemoteProtocolError {
        int count = random.nextInt(Math.max(2, input.length / 3));
        int[] cuts = random.ints(count, 1, Math.max(2, input.length)).sorted().distinct().toArray();
        return feed(parser, input, cuts);
    }
}
