package dev.freeway.engine;

import static dev.freeway.engine.DeflateTestBytes.bytes;
import static dev.freeway.engine.DeflateTestBytes.concat;
import static dev.freeway.engine.DeflateTestBytes.hex;
import static dev.freeway.engine.DeflateTestBytes.inflateMessage;
import static dev.freeway.engine.DeflateTestBytes.referenceInflate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

class MessageDeflaterTest {
    private static final byte[] HELLO = "Hello".getBytes(StandardCharsets.US_ASCII);

    private static MessageDeflater deflater(DeflateParameters parameters, Role role) {
        return new MessageDeflater(parameters, role, Deflater.DEFAULT_COMPRESSION);
    }

    private static byte[] random(int length, long seed) {
        byte[] data = new byte[length];
        new Random(seed).nextBytes(data);
        return data;
    }

    @Test
    void emptyMessageIsOneZeroOctet() throws Exception {
        MessageDeflater deflater = deflater(DeflateParameters.DEFAULTS, Role.SERVER);

        ByteBuffer fresh = deflater.compress(ByteBuffer.allocate(0), true);
        assertThat(hex(fresh)).isEqualTo("00");
        // After a message the Deflater emits nothing for no input; the answer must not change.
        deflater.compress(ByteBuffer.wrap(HELLO), true);
        ByteBuffer afterData = deflater.compress(ByteBuffer.allocate(0), true);
        assertThat(hex(afterData)).isEqualTo("00");

        assertThat(referenceInflate(new Inflater(true), bytes(fresh))).isEmpty();
    }

    @Test
    void emptyMessagesKeepTheStreamInStepWithContextTakeover() throws Exception {
        MessageDeflater deflater = deflater(DeflateParameters.DEFAULTS, Role.SERVER);
        MessageInflater inflater = new MessageInflater(DeflateParameters.DEFAULTS, Role.CLIENT, 64);
        Inflater reference = new Inflater(true);

        for (byte[] message : List.of(HELLO, new byte[0], HELLO, new byte[0], new byte[0], HELLO)) {
            byte[] payload = bytes(deflater.compress(ByteBuffer.wrap(message), true));
            assertThat(inflateMessage(inflater, 64, List.of(payload))).isEqualTo(message);
            assertThat(referenceInflate(reference, payload)).isEqualTo(message);
        }
    }

    @Test
    void emptyLastFrameAfterDataIsOneZeroOctet() throws Exception {
        MessageDeflater deflater = deflater(DeflateParameters.DEFAULTS, Role.CLIENT);

        byte[] first = bytes(deflater.compress(ByteBuffer.wrap(HELLO), false));
        byte[] last = bytes(deflater.compress(ByteBuffer.allocate(0), true));

        // A non-final frame keeps its flush marker; the receiver needs it to read on.
        assertThat(hex(ByteBuffer.wrap(first))).isEqualTo("f2 48 cd c9 c9 07 00 00 00 ff ff");
        assertThat(hex(ByteBuffer.wrap(last))).isEqualTo("00");
        assertThat(referenceInflate(new Inflater(true), concat(first, last))).isEqualTo(HELLO);
        MessageInflater inflater = new MessageInflater(DeflateParameters.DEFAULTS, Role.SERVER, 64);
        assertThat(inflateMessage(inflater, 64, List.of(first, last))).isEqualTo(HELLO);
    }

    @Test
    void emptyFramesAnywhereInAMessage() throws Exception {
        MessageDeflater deflater = deflater(DeflateParameters.DEFAULTS, Role.CLIENT);
        MessageInflater inflater = new MessageInflater(DeflateParameters.DEFAULTS, Role.SERVER, 64);

        for (int round = 0; round < 3; round++) {
            List<byte[]> frames = new ArrayList<>();
            frames.add(bytes(deflater.compress(ByteBuffer.allocate(0), false)));
            frames.add(bytes(deflater.compress(ByteBuffer.wrap(HELLO), false)));
            frames.add(bytes(deflater.compress(ByteBuffer.allocate(0), false)));
            frames.add(bytes(deflater.compress(ByteBuffer.wrap(HELLO), false)));
            frames.add(bytes(deflater.compress(ByteBuffer.allocate(0), true)));
            assertThat(inflateMessage(inflater, 64, frames)).isEqualTo(concat(HELLO, HELLO));
        }
    }

    @Test
    void incompressiblePayloadLargerThanTheBuffersBarelyGrows() throws Exception {
        byte[] message = random(1 << 20, 7);
        MessageDeflater deflater = deflater(DeflateParameters.DEFAULTS, Role.CLIENT);

        ByteBuffer out = deflater.compress(ByteBuffer.wrap(message), true);

        // Stored blocks cost 5 bytes per 16 KiB at most.
        assertThat(out.remaining()).isBetween(message.length, message.length + message.length / 1000 + 64);
        assertThat(out.capacity()).as("exactly sized, with room for a frame header in front")
                .isEqualTo(MessageDeflater.HEADER_ROOM + out.remaining());
        assertThat(out.position()).isEqualTo(MessageDeflater.HEADER_ROOM);
        assertThat(referenceInflate(new Inflater(true), bytes(out))).isEqualTo(message);
    }

    @Test
    void compressiblePayloadGetsAnExactlySizedSmallBuffer() throws Exception {
        byte[] message = new byte[16 << 20];
        MessageDeflater deflater = deflater(DeflateParameters.DEFAULTS, Role.CLIENT);

        ByteBuffer out = deflater.compress(ByteBuffer.wrap(message), true);

        assertThat(out.remaining()).isLessThan(message.length / 500);
        assertThat(out.capacity()).isEqualTo(MessageDeflater.HEADER_ROOM + out.remaining());
        assertThat(referenceInflate(new Inflater(true), bytes(out))).isEqualTo(message);
    }

    @Test
    void consumesTheBufferAndAcceptsDirectBuffers() throws Exception {
        byte[] message = "a direct buffer, a direct buffer, a direct buffer".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer direct = ByteBuffer.allocateDirect(message.length + 4);
        direct.put(new byte[] {1, 2}).put(message).flip().position(2);
        ByteBuffer payload = direct.slice();

        ByteBuffer out = deflater(DeflateParameters.DEFAULTS, Role.CLIENT).compress(payload, true);

        assertThat(payload.hasRemaining()).isFalse();
        assertThat(referenceInflate(new Inflater(true), bytes(out))).isEqualTo(message);
    }

    @Test
    void arrayRangeVariantMatchesTheBufferVariant() {
        byte[] framed = concat(hex("ff ff"), HELLO, hex("ee"));

        ByteBuffer fromArray = deflater(DeflateParameters.DEFAULTS, Role.CLIENT).compress(framed, 2, HELLO.length, true);

        assertThat(hex(fromArray)).isEqualTo("f2 48 cd c9 c9 07 00");
        assertThatThrownBy(() -> deflater(DeflateParameters.DEFAULTS, Role.CLIENT).compress(framed, 5, 10, true))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void resetFollowsOurOwnDirection() {
        // server_no_context_takeover binds only the server's compressor.
        DeflateParameters serverResets = new DeflateParameters(true, false, 15, 15);

        MessageDeflater server = deflater(serverResets, Role.SERVER);
        server.compress(ByteBuffer.wrap(HELLO), true);
        assertThat(hex(server.compress(ByteBuffer.wrap(HELLO), true))).isEqualTo("f2 48 cd c9 c9 07 00");

        MessageDeflater client = deflater(serverResets, Role.CLIENT);
        client.compress(ByteBuffer.wrap(HELLO), true);
        assertThat(hex(client.compress(ByteBuffer.wrap(HELLO), true))).isEqualTo("f2 00 11 00 00");
    }

    @Test
    void everyLevelRoundTrips() throws Exception {
        byte[] message = concat(random(3000, 3), "abcabcabcabcabcabcabc".repeat(200).getBytes(StandardCharsets.US_ASCII));
        for (int level = -1; level <= 9; level++) {
            MessageDeflater deflater = new MessageDeflater(DeflateParameters.DEFAULTS, Role.CLIENT, level);
            Inflater reference = new Inflater(true);
            for (int m = 0; m < 3; m++) {
                byte[] payload = bytes(deflater.compress(ByteBuffer.wrap(message), true));
                assertThat(referenceInflate(reference, payload)).as("level %d", level).isEqualTo(message);
            }
        }
    }

    @Test
    void allocatesOnFirstUseAndReleasesBetweenMessagesWithoutContextTakeover() throws Exception {
        MessageDeflater deflater = deflater(new DeflateParameters(true, false, 15, 15), Role.SERVER);
        assertThat(deflater.isAllocated()).isFalse();

        deflater.compress(ByteBuffer.wrap(HELLO), true);
        assertThat(deflater.isAllocated()).isTrue();
        deflater.release();
        assertThat(deflater.isAllocated()).isFalse();

        assertThat(hex(deflater.compress(ByteBuffer.wrap(HELLO), true))).isEqualTo("f2 48 cd c9 c9 07 00");
    }

    @Test
    void releaseWithContextTakeoverIsFinal() {
        MessageDeflater deflater = deflater(DeflateParameters.DEFAULTS, Role.SERVER);
        deflater.compress(ByteBuffer.wrap(HELLO), true);

        deflater.release();

        assertThat(deflater.isAllocated()).isFalse();
        assertThatThrownBy(() -> deflater.compress(ByteBuffer.wrap(HELLO), true))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("released");
    }

    @Test
    void releaseMidMessageIsFinal() {
        MessageDeflater deflater = deflater(new DeflateParameters(true, true, 15, 15), Role.CLIENT);
        deflater.compress(ByteBuffer.wrap(HELLO), false);
        assertThat(deflater.inMessage()).isTrue();

        deflater.release();

        assertThatThrownBy(() -> deflater.compress(ByteBuffer.wrap(HELLO), true)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rejectsBadLevels() {
        assertThatThrownBy(() -> new MessageDeflater(DeflateParameters.DEFAULTS, Role.CLIENT, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MessageDeflater(DeflateParameters.DEFAULTS, Role.CLIENT, -2))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
