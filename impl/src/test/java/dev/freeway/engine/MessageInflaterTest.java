package dev.freeway.engine;

import static dev.freeway.engine.DeflateTestBytes.bytes;
import static dev.freeway.engine.DeflateTestBytes.concat;
import static dev.freeway.engine.DeflateTestBytes.hex;
import static dev.freeway.engine.DeflateTestBytes.inflateMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.freeway.api.CloseCodes;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MessageInflaterTest {
    private static final byte[] HELLO = "Hello".getBytes(StandardCharsets.US_ASCII);
    /** "Hello" as RFC 7692 section 7.2.3.1 compresses it. */
    private static final byte[] HELLO_DEFLATED = hex("f2 48 cd c9 c9 07 00");

    private static byte[] compressMessage(MessageDeflater deflater, byte[] message) {
        return bytes(deflater.compress(ByteBuffer.wrap(message), true));
    }

    private static byte[] sample(int length, long seed) {
        // Half text-like (compressible), half random: exercises both literals and matches.
        Random random = new Random(seed);
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = i % 1024 < 512 ? (byte) ('a' + random.nextInt(4)) : (byte) random.nextInt();
        }
        return data;
    }

    @Test
    void neverReturnsMoreThanAChunkAndReusesOneBuffer() throws Exception {
        byte[] message = new byte[100_000];
        Arrays.fill(message, (byte) 'x');
        byte[] compressed = compressMessage(new MessageDeflater(DeflateParameters.DEFAULTS, Role.CLIENT, -1), message);
        MessageInflater inflater = new MessageInflater(DeflateParameters.DEFAULTS, Role.SERVER, 1000);

        inflater.input(ByteBuffer.wrap(compressed));
        inflater.endOfMessage();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer first = null;
        int chunks = 0;
        for (ByteBuffer chunk = inflater.inflate(); chunk.hasRemaining(); chunk = inflater.inflate()) {
            assertThat(chunk.remaining()).isLessThanOrEqualTo(1000);
            assertThat(chunk.isReadOnly()).isTrue();
            if (first == null) {
                first = chunk;
            }
            assertThat(chunk).isSameAs(first);
            out.write(bytes(chunk), 0, chunk.remaining());
            chunks++;
        }
        assertThat(out.toByteArray()).isEqualTo(message);
        assertThat(chunks).isEqualTo(100);
        assertThat(inflater.needsInput()).isTrue();
        assertThat(inflater.inMessage()).isFalse();
    }

    @Test
    void outputPendingAfterInputIsConsumedKeepsNeedsInputFalse() throws Exception {
        // A run of one byte compresses to a literal and long matches. Fed one compressed byte at a
        // time, the inflater consumes the byte holding a match code and then still owes up to
        // 258 bytes of that match while its input is empty.
        byte[] message = new byte[2000];
        Arrays.fill(message, (byte) 'a');
        byte[] compressed = compressMessage(new MessageDeflater(DeflateParameters.DEFAULTS, Role.CLIENT, -1), message);
        MessageInflater inflater = new MessageInflater(DeflateParameters.DEFAULTS, Role.SERVER, 16);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean sawPendingOutput = false;
        for (byte b : compressed) {
            ByteBuffer slice = ByteBuffer.wrap(new byte[] {b});
            inflater.input(slice);
            while (!inflater.needsInput()) {
                ByteBuffer chunk = inflater.inflate();
                out.write(bytes(chunk), 0, chunk.remaining());
                if (!slice.hasRemaining() && !inflater.needsInput()) {
                    sawPendingOutput = true;
                }
            }
            assertThat(slice.hasRemaining()).isFalse();
        }
        assertThat(sawPendingOutput).as("input consumed while output was still owed").isTrue();
        // Sync-flushed data is complete before the tail: everything is out already.
        assertThat(out.toByteArray()).isEqualTo(message);
        inflater.endOfMessage();
        assertThat(inflater.needsInput()).isFalse();
        assertThat(inflater.inflate().hasRemaining()).isFalse();
        assertThat(inflater.needsInput()).isTrue();
    }

    @Test
    void inflatesFedOneByteAtATime() throws Exception {
        byte[] message = sample(50_000, 1);
        MessageDeflater deflater = new MessageDeflater(DeflateParameters.DEFAULTS, Role.CLIENT, -1);
        MessageInflater inflater = new MessageInflater(DeflateParameters.DEFAULTS, Role.SERVER, 100);

        for (int m = 0; m < 3; m++) {
            byte[] compressed = compressMessage(deflater, message);
            List<byte[]> slices = new java.util.ArrayList<>();
            for (byte b : compressed) {
                slices.add(new byte[] {b});
            }
            assertThat(inflateMessage(inflater, 100, slices)).isEqualTo(message);
        }
    }

    @Test
    void chunkSizeOfOneWorks() throws Exception {
        MessageInflater inflater = new MessageInflater(DeflateParameters.DEFAULTS, Role.SERVER, 1);

        assertThat(inflateMessage(inflater, 1, List.of(HELLO_DEFLATED))).isEqualTo(HELLO);
    }

    @Test
    void corruptDataFailsWith1007() {
        MessageInflater inflater = new MessageInflater(DeflateParameters.DEFAULTS, Role.SERVER, 64);
        // BTYPE 11 is reserved: invalid in any DEFLATE stream.
        inflater.input(ByteBuffer.wrap(hex("ff ff ff ff")));

        assertThatThrownBy(inflater::inflate)
                .isInstanceOfSatisfying(RemoteProtocolError.class, e -> {
                    assertThat(e.closeCode()).isEqualTo(CloseCodes.INVALID_PAYLOAD);
                    assertThat(e.getMessage()).contains("permessage-deflate");
                });
    }

    @Test
    void corruptionFoundOnlyAtTheTailFailsWith1007() {
        MessageInflater inflater = new MessageInflater(DeflateParameters.DEFAULTS, Role.SERVER, 64);
        // A stored block header and LEN 1, whose NLEN is then the tail's 00 00 instead of fe ff.
        inflater.input(ByteBuffer.wrap(hex("00 01 00")));
        assertThatCode(() -> DeflateTestBytes.drain(inflater, new ByteArrayOutputStream(), 64)).doesNotThrowAnyException();
        inflater.endOfMessage();

        assertThatThrownBy(inflater::inflate)
                .isInstanceOfSatisfying(RemoteProtocolError.class,
                        e -> assertThat(e.closeCode()).isEqualTo(CloseCodes.INVALID_PAYLOAD));
    }

    @Test
    void emptyPayloadIsAnEmptyMessageAndLeavesTheStreamIntact() throws Exception {
        MessageDeflater deflater = new MessageDeflater(DeflateParameters.DEFAULTS, Role.CLIENT, -1);
        MessageInflater inflater = new MessageInflater(DeflateParameters.DEFAULTS, Role.SERVER, 64);

        assertThat(inflateMessage(inflater, 64, List.of(compressMessage(deflater, HELLO)))).isEqualTo(HELLO);
        assertThat(inflateMessage(inflater, 64, List.of())).isEmpty();
        assertThat(inflateMessage(inflater, 64, List.of(new byte[0], new byte[0]))).isEmpty();
        // Context takeover still works: this message is a back-reference to the first one.
        assertThat(inflateMessage(inflater, 64, List.of(compressMessage(deflater, HELLO)))).isEqualTo(HELLO);
    }

    @Test
    void singleZeroOctetIsAnEmptyMessage() throws Exception {
        MessageInflater inflater = new MessageInflater(DeflateParameters.DEFAULTS, Role.SERVER, 64);

        assertThat(inflateMessage(inflater, 64, List.of(hex("00")))).isEmpty();
        assertThat(inflateMessage(inflater, 64, List.of(HELLO_DEFLATED))).isEqualTo(HELLO);
    }

    @Test
    void finalBlockWithoutTheRecommendedZeroOctetStillEndsTheMessageCleanly() throws Exception {
        MessageInflater inflater = new MessageInflater(DeflateParameters.DEFAULTS, Role.CLIENT, 64);

        assertThat(inflateMessage(inflater, 64, List.of(hex("f3 48 cd c9 c9 07 00")))).isEqualTo(HELLO);
        assertThat(inflateMessage(inflater, 64, List.of(HELLO_DEFLATED))).isEqualTo(HELLO);
    }

    @Test
    void dataReferringBackPastAFinalBlockFailsInsteadOfBeingDropped() {
        MessageInflater inflater = new MessageInflater(DeflateParameters.DEFAULTS, Role.CLIENT, 64);
        // Two final blocks; the second is RFC 7692's back-reference "Hello" with BFINAL set.
        byte[] payload = hex("f3 48 cd c9 c9 07 00 f3 00 11 00 00");

        assertThatThrownBy(() -> inflateMessage(inflater, 64, List.of(payload)))
                .isInstanceOfSatisfying(RemoteProtocolError.class,
                        e -> assertThat(e.closeCode()).isEqualTo(CloseCodes.INVALID_PAYLOAD));
    }

    @Test
    void twoSelfContainedFinalBlocksInOneMessageBothInflate() throws Exception {
        MessageInflater inflater = new MessageInflater(DeflateParameters.DEFAULTS, Role.CLIENT, 64);
        byte[] payload = concat(hex("f3 48 cd c9 c9 07 00"), hex("f3 48 cd c9 c9 07 00 00"));

        assertThat(inflateMessage(inflater, 64, List.of(payload))).isEqualTo(concat(HELLO, HELLO));
    }

    @Test
    void resetFollowsThePeersDirection() throws Exception {
        // server_no_context_takeover binds the server's compressor, hence the client's inflater.
        DeflateParameters serverResets = new DeflateParameters(true, false, 15, 15);
        byte[] second = hex("f2 00 11 00 00");

        MessageInflater client = new MessageInflater(serverResets, Role.CLIENT, 64);
        inflateMessage(client, 64, List.of(HELLO_DEFLATED));
        assertThatThrownBy(() -> inflateMessage(client, 64, List.of(second))).isInstanceOf(RemoteProtocolError.class);

        MessageInflater server = new MessageInflater(serverResets, Role.SERVER, 64);
        inflateMessage(server, 64, List.of(HELLO_DEFLATED));
        assertThat(inflateMessage(server, 64, List.of(second))).isEqualTo(HELLO);
    }

    @Test
    void allocatesOnFirstUse() throws Exception {
        MessageInflater inflater = new MessageInflater(DeflateParameters.DEFAULTS, Role.SERVER, 64);
        assertThat(inflater.isAllocated()).isFalse();
        assertThat(inflater.needsInput()).isTrue();
        assertThat(inflater.inflate().hasRemaining()).isFalse();
        assertThat(inflater.isAllocated()).isFalse();

        inflater.input(ByteBuffer.wrap(HELLO_DEFLATED));
        assertThat(inflater.isAllocated()).isTrue();
    }

    @Test
    void releaseBetweenMessagesWithoutContextTakeoverReallocatesLater() throws Exception {
        MessageInflater inflater = new MessageInflater(new DeflateParameters(false, true, 15, 15), Role.SERVER, 64);
        assertThat(inflateMessage(inflater, 64, List.of(HELLO_DEFLATED))).isEqualTo(HELLO);

        inflater.release();
        assertThat(inflater.isAllocated()).isFalse();

        assertThat(inflateMessage(inflater, 64, List.of(HELLO_DEFLATED))).isEqualTo(HELLO);
    }

    @Test
    void releaseWithContextTakeoverIsFinal() throws Exception {
        MessageInflater inflater = new MessageInflater(DeflateParameters.DEFAULTS, Role.SERVER, 64);
        inflateMessage(inflater, 64, List.of(HELLO_DEFLATED));

        inflater.release();

        assertThat(inflater.isAllocated()).isFalse();
        assertThat(inflater.needsInput()).isFalse();
        assertThatThrownBy(() -> inflater.input(ByteBuffer.wrap(HELLO_DEFLATED)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("released");
        assertThatThrownBy(inflater::inflate).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void releaseMidMessageIsFinalEvenWithoutContextTakeover() {
        MessageInflater inflater = new MessageInflater(new DeflateParameters(false, true, 15, 15), Role.SERVER, 64);
        inflater.input(ByteBuffer.wrap(hex("f2 48")));

        inflater.release();

        assertThatThrownBy(inflater::endOfMessage).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesNewInputBeforeThePreviousIsInflated() throws Exception {
        MessageInflater inflater = new MessageInflater(DeflateParameters.DEFAULTS, Role.SERVER, 64);
        inflater.input(ByteBuffer.wrap(HELLO_DEFLATED));

        assertThat(inflater.needsInput()).isFalse();
        assertThatThrownBy(() -> inflater.input(ByteBuffer.wrap(HELLO_DEFLATED)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not yet inflated");

        // The end may be announced before the last input is drained; it is processed after it.
        inflater.endOfMessage();
        assertThatThrownBy(inflater::endOfMessage)
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already");
        assertThat(bytes(inflater.inflate())).isEqualTo(HELLO);
        assertThat(inflater.needsInput()).isFalse();
        assertThatThrownBy(() -> inflater.input(ByteBuffer.wrap(HELLO_DEFLATED))).isInstanceOf(IllegalStateException.class);
        assertThat(inflater.inflate().hasRemaining()).isFalse();
        assertThat(inflater.needsInput()).isTrue();
    }

    @Test
    void readsDirectAndReadOnlyBuffersInPlace() throws Exception {
        byte[] message = sample(10_000, 2);
        byte[] compressed = compressMessage(new MessageDeflater(DeflateParameters.DEFAULTS, Role.CLIENT, -1), message);
        ByteBuffer direct = ByteBuffer.allocateDirect(compressed.length + 10);
        direct.position(5);
        direct.put(compressed).flip().position(5);
        MessageInflater inflater = new MessageInflater(DeflateParameters.DEFAULTS, Role.SERVER, 256);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        inflater.input(direct.slice(5, compressed.length / 2));
        DeflateTestBytes.drain(inflater, out, 256);
        inflater.input(ByteBuffer.wrap(compressed, compressed.length / 2, compressed.length - compressed.length / 2)
                .asReadOnlyBuffer());
        DeflateTestBytes.drain(inflater, out, 256);
        inflater.endOfMessage();
        DeflateTestBytes.drain(inflater, out, 256);

        assertThat(out.toByteArray()).isEqualTo(message);
    }

    @Test
    void rejectsBadConstructorArguments() {
        assertThatThrownBy(() -> new MessageInflater(DeflateParameters.DEFAULTS, Role.SERVER, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MessageInflater(null, Role.SERVER, 64)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new MessageInflater(DeflateParameters.DEFAULTS, null, 64))
                .isInstanceOf(NullPointerException.class);
    }
}
