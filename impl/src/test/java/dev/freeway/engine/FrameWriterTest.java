package dev.freeway.engine;

import static dev.freeway.engine.Feed.bytes;
import static dev.freeway.engine.Feed.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sending frames: the bytes produced, and the rules that refuse misuse. */
class FrameWriterTest {

    private static Connection server() {
        return Connection.established(Role.SERVER, EngineConfig.defaults(), List.of());
    }

    private static Connection client() {
        return Connection.established(Role.CLIENT, EngineConfig.defaults(), List.of());
    }

    private static String sent(Connection c, Event e) {
        return hex(ByteBuffer.wrap(Feed.join(c.send(e))));
    }

    @Test
    void serverFramesMatchTheRfcExamples() {
        Connection c = server();
        assertThat(sent(c, Data.text("Hello", true))).isEqualTo("810548656c6c6f");
        assertThat(sent(c, Data.text("Hel", false))).isEqualTo("010348656c");
        assertThat(sent(c, Data.text("lo", true))).isEqualTo("80026c6f");
        assertThat(sent(c, new Ping(ByteBuffer.wrap(Wire.utf8("Hello"))))).isEqualTo("890548656c6c6f");
        assertThat(sent(c, Data.binary(new byte[256], true))).startsWith("827e0100");
        assertThat(sent(c, Data.binary(new byte[65536], true))).startsWith("827f0000000000010000");
    }

    @Test
    void serverPayloadIsNotCopied() {
        ByteBuffer payload = ByteBuffer.allocate(64 * 1024);
        ByteBuffer[] out = server().send(Data.binary(payload, true));
        assertThat(out).hasSize(2);
        assertThat(out[1].array()).isSameAs(payload.array());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 125, 126, 65535, 65536, 100_000})
    void clientFramesAreMaskedAndReadBackByAServer(int length) throws Exception {
        byte[] payload = new byte[length];
        new Random(length).nextBytes(payload);
        byte[] wire = Feed.join(client().send(Data.binary(payload, true)));
        assertThat(wire[1] & 0x80).isEqualTo(0x80);
        assertThat(Feed.transcript(FrameWriterTest::server, wire, Feed.Split.RANDOM, 7, false)).containsExactly(
                "frame BINARY rsv=0 len=" + length + " fin", "data " + java.util.HexFormat.of().formatHex(payload) + " end-message");
    }

    @Test
    void clientMasksWithAFreshKeyPerFrame() {
        Connection c = client();
        byte[] a = Feed.join(c.send(Data.text("same", true)));
        byte[] b = Feed.join(c.send(Data.text("same", true)));
        assertThat(a).isNotEqualTo(b); // 2^-32 chance of a false failure
    }

    @Test
    void fragmentsUseContinuationAndMessagesCannotInterleave() {
        Connection c = server();
        c.send(Data.text("a", false));
        assertThatThrownBy(() -> c.send(Data.binary(new byte[1], true)))
                .isInstanceOf(LocalProtocolError.class)
                .hasMessage("a text message is in progress; finish it before sending BINARY");
        assertThat(sent(c, new Ping())).isEqualTo("8900"); // control frames may come between fragments
        assertThat(sent(c, Data.text("b", true))).isEqualTo("800162");
    }

    @Test
    void controlPayloadsOver125BytesAreRefused() {
        assertThatThrownBy(() -> new Ping(ByteBuffer.allocate(126)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ping payload is 126 bytes; control frames carry at most 125");
    }

    @Test
    void invalidUtf8TextIsRefusedAndTheMessageStateKept() {
        Connection c = server();
        assertThatThrownBy(() -> c.send(new Data(ByteBuffer.wrap(bytes("41 ff")), true, true, true)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("text payload is not valid UTF-8 at byte 1");
        assertThat(sent(c, Data.text("ok", true))).isEqualTo("81026f6b");
        c.send(new Data(ByteBuffer.wrap(bytes("e2 82")), true, true, false)); // a code point split over frames is fine
        assertThatThrownBy(() -> c.send(new Data(ByteBuffer.wrap(bytes("41")), true, true, true)))
                .hasMessage("text payload is not valid UTF-8 at byte 0");
        assertThat(sent(c, new Data(ByteBuffer.wrap(bytes("ac")), true, true, true))).isEqualTo("8001ac");
    }

    @Test
    void textEncodedFromAStringIsStillCheckedAfterAFrameThatEndedInsideACodePoint() {
        Connection c = server();
        c.send(new Data(ByteBuffer.wrap(bytes("e2 82")), true, true, false));
        // "A" cannot continue the euro sign: the writer must look, String or not
        assertThatThrownBy(() -> c.send(Data.text("A", true)))
                .hasMessage("text payload is not valid UTF-8 at byte 0");
        assertThat(sent(c, new Data(ByteBuffer.wrap(bytes("ac")), true, true, false))).isEqualTo("0001ac");
        // at a code point boundary again, encoded text is taken as it is
        assertThat(sent(c, Data.text("€", true))).isEqualTo("8003e282ac");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 999, 1004, 1006, 1015, 1016, 2999, 5000})
    void closeCodesThatMayNotBeSentAreRefused(int code) {
        assertThatThrownBy(() -> server().send(new Close(code, "")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("close code " + code + " may not be sent");
    }

    @Test
    void closeWithoutCodeHasAnEmptyPayload() {
        assertThat(sent(server(), new Close(1005, ""))).isEqualTo("8800");
        assertThatThrownBy(() -> server().send(new Close(1005, "why")))
                .hasMessage("a close without a status code cannot carry a reason");
    }

    @Test
    void closeReasonMustFitTheFrame() {
        String max = "x".repeat(123);
        assertThat(sent(server(), new Close(1000, max))).startsWith("887d03e8");
        assertThatThrownBy(() -> server().send(new Close(1000, max + "x")))
                .hasMessage("close reason is 124 bytes of UTF-8; at most 123 fit in a close frame");
    }

    @Test
    void nothingIsSentAfterClose() {
        Connection c = server();
        c.send(new Close(1000, ""));
        assertThat(c.state()).isEqualTo(ConnectionState.LOCAL_CLOSING);
        assertThatThrownBy(() -> c.send(Data.text("late", true)))
                .isInstanceOf(LocalProtocolError.class)
                .hasMessage("cannot send Data: a close frame was already sent");
        assertThatThrownBy(() -> c.send(new Ping())).isInstanceOf(LocalProtocolError.class);
        assertThatThrownBy(() -> c.send(new Close(1000, ""))).isInstanceOf(LocalProtocolError.class);
    }

    @Test
    void theCloseHandshakeFromOurSide() throws Exception {
        Connection c = server();
        c.send(new Close(1001, "going"));
        c.receive(ByteBuffer.wrap(Wire.fromClient().close(1001, "").bytes()));
        assertThat(Feed.describe(c.nextEvent())).isEqualTo("close 1001");
        assertThat(c.state()).isEqualTo(ConnectionState.CLOSED);
        assertThat(c.hasPendingOutput()).isFalse(); // the reply to our close needs no reply
        c.receiveEnd();
        assertThat(c.nextEvent()).isNull(); // a clean close: no 1006
    }

    @Test
    void withoutAutomaticReplyTheApplicationAnswersTheClose() throws Exception {
        Connection c = Connection.established(Role.SERVER, EngineConfig.builder().autoCloseReply(false).build(), List.of());
        c.receive(ByteBuffer.wrap(Wire.fromClient().close(1000, "done").bytes()));
        Close close = (Close) c.nextEvent();
        assertThat(c.state()).isEqualTo(ConnectionState.REMOTE_CLOSING);
        assertThat(c.hasPendingOutput()).isFalse();
        c.send(Data.text("last words", true)); // allowed until our close goes
        assertThat(sent(c, close.response())).isEqualTo("880203e8");
        assertThat(c.state()).isEqualTo(ConnectionState.CLOSED);
    }

    // ---- frames of declared length

    @Test
    void aDeclaredFrameIsSentInChunksAndEndsByItself() throws Exception {
        Connection c = client();
        Connection peer = server();
        List<ByteBuffer> parts = new java.util.ArrayList<>();
        parts.addAll(List.of(c.send(new FrameBegin(2, 0, 10, true))));
        parts.addAll(List.of(c.send(new FrameData(ByteBuffer.wrap(bytes("00010203"))))));
        parts.addAll(List.of(c.send(new FrameData(ByteBuffer.wrap(bytes("040506070809"))))));
        byte[] wire = Feed.join(parts.toArray(new ByteBuffer[0]));
        assertThat(Feed.transcript(() -> peer, wire, Feed.Split.WHOLE, 0, false))
                .containsExactly("frame BINARY rsv=0 len=10 fin", "data 00010203040506070809 end-message");
        assertThatThrownBy(() -> c.send(new FrameData(ByteBuffer.allocate(1))))
                .isInstanceOf(LocalProtocolError.class)
                .hasMessage("no frame is in progress: send FrameBegin first");
    }

    @Test
    void moreDataThanDeclaredIsRefused() {
        Connection c = server();
        c.send(new FrameBegin(2, 0, 3, true));
        assertThatThrownBy(() -> c.send(new FrameData(ByteBuffer.allocate(4))))
                .isInstanceOf(LocalProtocolError.class)
                .hasMessage("the frame was declared with 3 bytes still to send; this chunk has 4");
    }

    @Test
    void controlFramesWaitForTheDeclaredFrameToEnd() throws Exception {
        Connection c = server();
        assertThat(sent(c, new FrameBegin(2, 0, 2, true))).isEqualTo("8202");
        assertThatThrownBy(() -> c.send(new Ping()))
                .isInstanceOf(LocalProtocolError.class)
                .hasMessage("cannot send a PING frame: the frame in progress still needs 2 bytes of FrameData");
        // A ping arrives mid-frame: its pong is owed, and goes out right after the frame ends.
        c.receive(ByteBuffer.wrap(Wire.fromClient().frame(true, 0, 9, bytes("aa")).bytes()));
        c.nextEvent();
        assertThat(c.pendingOutput()).isNull();
        assertThat(sent(c, new FrameData(ByteBuffer.wrap(bytes("0102"))))).isEqualTo("01028a01aa");
    }

    @Test
    void owedPongsGoBeforeTheNextFrame() throws Exception {
        Connection c = server();
        c.receive(ByteBuffer.wrap(Wire.fromClient().frame(true, 0, 9, bytes("01")).frame(true, 0, 9, bytes("02")).bytes()));
        c.nextEvent();
        c.nextEvent();
        // Only the latest ping needs an answer (RFC 6455 5.5.3).
        assertThat(sent(c, Data.text("x", true))).isEqualTo("8a0102" + "810178");
    }

    @Test
    void reservedOpcodesAndRsvBitsNeedTheConfigToAllowThem() {
        assertThatThrownBy(() -> server().send(new FrameBegin(3, 0, 0, true)))
                .hasMessage("opcode 0x3 is reserved; allow reserved opcodes in the EngineConfig to send it");
        assertThatThrownBy(() -> server().send(new FrameBegin(2, 2, 0, true)))
                .hasMessage("RSV bits 2 are not allowed; allowed: 0");
        Connection raw = Connection.established(Role.SERVER,
                EngineConfig.builder().allowReservedOpcodes(true).allowedRsv(2).build(), List.of());
        assertThat(sent(raw, new FrameBegin(3, 2, 0, true))).isEqualTo("a300");
        assertThat(sent(raw, new ControlFrame(0xB, ByteBuffer.wrap(bytes("01"))))).isEqualTo("8b0101");
    }
}
