package dev.freeway.engine;

import static dev.freeway.engine.DeflateTestBytes.bytes;
import static dev.freeway.engine.DeflateTestBytes.hex;
import static dev.freeway.engine.DeflateTestBytes.inflateMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.freeway.api.CloseCodes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The examples of RFC 7692 section 7.2.3, as whole frames, through our inflater and deflater. */
class DeflateRfc7692ExamplesTest {
    private static final int CHUNK = 64;
    private static final byte[] HELLO = "Hello".getBytes(StandardCharsets.US_ASCII);

    /**
     * The payload of an unmasked frame with a 7-bit length, after checking the header's FIN, RSV1
     * and opcode; keeps the test data exactly as the RFC prints it.
     */
    private static byte[] payload(String frame, boolean fin, boolean rsv1, int opcode) {
        byte[] f = hex(frame);
        assertThat((f[0] & 0x80) != 0).as("FIN").isEqualTo(fin);
        assertThat((f[0] & 0x40) != 0).as("RSV1").isEqualTo(rsv1);
        assertThat(f[0] & 0x0f).as("opcode").isEqualTo(opcode);
        assertThat(f[1] & 0xff).as("length").isEqualTo(f.length - 2);
        byte[] p = new byte[f.length - 2];
        System.arraycopy(f, 2, p, 0, p.length);
        return p;
    }

    private static byte[] compressedTextFrame(String frame) {
        return payload(frame, true, true, 1);
    }

    private static MessageInflater serverInflater(DeflateParameters parameters) {
        return new MessageInflater(parameters, Role.SERVER, CHUNK);
    }

    @Test
    void section_7_2_3_1_oneCompressedBlock() throws Exception {
        byte[] p = compressedTextFrame("c1 07 f2 48 cd c9 c9 07 00");

        assertThat(inflateMessage(serverInflater(DeflateParameters.DEFAULTS), CHUNK, List.of(p))).isEqualTo(HELLO);
    }

    @Test
    void section_7_2_3_1_fragmented() throws Exception {
        byte[] first = payload("41 03 f2 48 cd", false, true, 1);
        byte[] last = payload("80 04 c9 c9 07 00", true, false, 0);

        assertThat(inflateMessage(serverInflater(DeflateParameters.DEFAULTS), CHUNK, List.of(first, last)))
                .isEqualTo(HELLO);
    }

    @Test
    void section_7_2_3_2_sharingTheSlidingWindow() throws Exception {
        MessageInflater inflater = serverInflater(DeflateParameters.DEFAULTS);

        assertThat(inflateMessage(inflater, CHUNK, List.of(compressedTextFrame("c1 07 f2 48 cd c9 c9 07 00"))))
                .isEqualTo(HELLO);
        assertThat(inflateMessage(inflater, CHUNK, List.of(compressedTextFrame("c1 05 f2 00 11 00 00"))))
                .isEqualTo(HELLO);
    }

    @Test
    void section_7_2_3_2_secondMessageFailsWhenThePeerPromisedNoContextTakeover() throws Exception {
        // The client said it drops its window after each message, so the server's inflater does
        // too, and the back-reference of the second message points at nothing.
        MessageInflater inflater = serverInflater(new DeflateParameters(false, true, 15, 15));
        inflateMessage(inflater, CHUNK, List.of(compressedTextFrame("c1 07 f2 48 cd c9 c9 07 00")));

        assertThatThrownBy(() -> inflateMessage(inflater, CHUNK, List.of(compressedTextFrame("c1 05 f2 00 11 00 00"))))
                .isInstanceOfSatisfying(RemoteProtocolError.class,
                        e -> assertThat(e.closeCode()).isEqualTo(CloseCodes.INVALID_PAYLOAD));
    }

    @Test
    void section_7_2_3_3_blockWithNoCompression() throws Exception {
        byte[] p = compressedTextFrame("c1 0b 00 05 00 fa ff 48 65 6c 6c 6f 00");

        assertThat(inflateMessage(serverInflater(DeflateParameters.DEFAULTS), CHUNK, List.of(p))).isEqualTo(HELLO);
    }

    @Test
    void section_7_2_3_4_blockWithBfinalSet() throws Exception {
        MessageInflater inflater = serverInflater(DeflateParameters.DEFAULTS);

        assertThat(inflateMessage(inflater, CHUNK, List.of(compressedTextFrame("c1 08 f3 48 cd c9 c9 07 00 00"))))
                .isEqualTo(HELLO);
        // The stream restarted; the next message inflates normally.
        assertThat(inflateMessage(inflater, CHUNK, List.of(compressedTextFrame("c1 07 f2 48 cd c9 c9 07 00"))))
                .isEqualTo(HELLO);
    }

    @Test
    void section_7_2_3_5_twoBlocksInOneMessage() throws Exception {
        byte[] p = compressedTextFrame("c1 0d f2 48 05 00 00 00 ff ff ca c9 c9 07 00");

        assertThat(inflateMessage(serverInflater(DeflateParameters.DEFAULTS), CHUNK, List.of(p))).isEqualTo(HELLO);
    }

    @Test
    void section_7_2_3_6_emptyLastFragmentIsOneZeroOctet() throws Exception {
        // Data of unknown length: "Hello" sent sync-flushed with its 00 00 ff ff kept, then the
        // end discovered with nothing left, sent as the single octet 0x00.
        byte[] first = hex("f2 48 cd c9 c9 07 00 00 00 ff ff");
        byte[] last = hex("00");

        assertThat(inflateMessage(serverInflater(DeflateParameters.DEFAULTS), CHUNK, List.of(first, last)))
                .isEqualTo(HELLO);
    }

    @Test
    void ourDeflaterProducesTheRfcBytesForHello() {
        MessageDeflater deflater = new MessageDeflater(DeflateParameters.DEFAULTS, Role.CLIENT, -1);

        assertThat(hex(deflater.compress(ByteBuffer.wrap(HELLO), true))).isEqualTo("f2 48 cd c9 c9 07 00");
        // Context takeover: the second "Hello" is a back-reference, as in section 7.2.3.2.
        assertThat(hex(deflater.compress(ByteBuffer.wrap(HELLO), true))).isEqualTo("f2 00 11 00 00");
    }

    @Test
    void ourDeflaterRestartsEachMessageWithoutContextTakeover() {
        MessageDeflater deflater = new MessageDeflater(new DeflateParameters(false, true, 15, 15), Role.CLIENT, -1);

        assertThat(hex(deflater.compress(ByteBuffer.wrap(HELLO), true))).isEqualTo("f2 48 cd c9 c9 07 00");
        assertThat(hex(deflater.compress(ByteBuffer.wrap(HELLO), true))).isEqualTo("f2 48 cd c9 c9 07 00");
    }

    @Test
    void ourFragmentedHelloInflatesBack() throws Exception {
        MessageDeflater deflater = new MessageDeflater(DeflateParameters.DEFAULTS, Role.SERVER, -1);
        List<byte[]> frames = new ArrayList<>();
        frames.add(bytes(deflater.compress(ByteBuffer.wrap(HELLO, 0, 3), false)));
        frames.add(bytes(deflater.compress(ByteBuffer.wrap(HELLO, 3, 2), true)));

        MessageInflater inflater = new MessageInflater(DeflateParameters.DEFAULTS, Role.CLIENT, CHUNK);
        assertThat(inflateMessage(inflater, CHUNK, frames)).isEqualTo(HELLO);
    }
}
