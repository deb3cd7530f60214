package dev.freeway.engine;

import static dev.freeway.engine.Feed.agreedTranscript;
import static dev.freeway.engine.Feed.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Receiving frames: every rule of RFC 6455 section 5, each checked with the whole input, one byte
 * at a time and 50 random splits (which must all give the same events).
 */
class FrameReaderTest {
    private static final Supplier<Connection> SERVER = () -> Connection.established(Role.SERVER, EngineConfig.defaults(), List.of());
    private static final Supplier<Connection> CLIENT = () -> Connection.established(Role.CLIENT, EngineConfig.defaults(), List.of());

    private static Supplier<Connection> server(EngineConfig config) {
        return () -> Connection.established(Role.SERVER, config, List.of());
    }

    // ---- RFC 6455 section 5.7 examples

    @Test
    void rfcSingleFrameUnmaskedText() {
        assertThat(agreedTranscript(CLIENT, bytes("81 05 48 65 6c 6c 6f"), false))
                .containsExactly("frame TEXT rsv=0 len=5 fin", "data 48656c6c6f end-message");
    }

    @Test
    void rfcSingleFrameMaskedText() {
        assertThat(agreedTranscript(SERVER, bytes("81 85 37 fa 21 3d 7f 9f 4d 51 58"), false))
                .containsExactly("frame TEXT rsv=0 len=5 fin", "data 48656c6c6f end-message");
    }

    @Test
    void rfcFragmentedUnmaskedText() {
        assertThat(agreedTranscript(CLIENT, bytes("01 03 48 65 6c 80 02 6c 6f"), false)).containsExactly(
                "frame TEXT rsv=0 len=3", "data 48656c end-frame",
                "frame CONTINUATION rsv=0 len=2 fin", "data 6c6f end-message");
    }

    @Test
    void rfcPingAndMaskedPong() {
        assertThat(agreedTranscript(CLIENT, bytes("89 05 48 65 6c 6c 6f"), false)).containsExactly("ping 48656c6c6f");
        assertThat(agreedTranscript(SERVER, bytes("8a 85 37 fa 21 3d 7f 9f 4d 51 58"), false)).containsExactly("pong 48656c6c6f");
    }

    @Test
    void rfc256BytesAnd64KiBBinary() {
        byte[] small = new byte[256];
        Arrays.fill(small, (byte) 7);
        byte[] frame = new byte[4 + 256];
        System.arraycopy(bytes("82 7e 01 00"), 0, frame, 0, 4);
        System.arraycopy(small, 0, frame, 4, 256);
        assertThat(agreedTranscript(CLIENT, frame, false).get(0)).isEqualTo("frame BINARY rsv=0 len=256 fin");

        byte[] big = new byte[10 + 65536];
        System.arraycopy(bytes("82 7f 00 00 00 00 00 01 00 00"), 0, big, 0, 10);
        List<Connection> one = List.of(CLIENT.get());
        Connection c = one.get(0);
        c.receive(ByteBuffer.wrap(big));
        assertThat(Feed.describe(next(c))).isEqualTo("frame BINARY rsv=0 len=65536 fin");
        Data d = (Data) next(c);
        assertThat(d.payload().remaining()).isEqualTo(65536);
        assertThat(d.messageFinished()).isTrue();
    }

    // ---- lengths

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 125, 126, 127, 65535, 65536, 70000})
    void everyLengthFormRoundTrips(int length) {
        byte[] payload = new byte[length];
        new java.util.Random(length).nextBytes(payload);
        byte[] wire = Wire.fromClient().binary(payload).bytes();
        List<String> t = Feed.transcript(SERVER, wire, Feed.Split.WHOLE, 0, false);
        assertThat(t).containsExactly("frame BINARY rsv=0 len=" + length + " fin",
                "data " + java.util.HexFormat.of().formatHex(payload) + " end-message");
        assertThat(Feed.transcript(SERVER, wire, Feed.Split.RANDOM, 3, false)).isEqualTo(t);
    }

    @Test
    void frameDeclaring2To63Minus1BytesIsStreamed() throws Exception {
        byte[] header = Wire.fromServer().frame(true, 0, 2, new byte[0], Long.MAX_VALUE, false).bytes();
        Connection c = CLIENT.get();
        c.receive(ByteBuffer.wrap(header));
        FrameBegin begin = (FrameBegin) c.nextEvent();
        assertThat(begin.length()).isEqualTo(Long.MAX_VALUE);
        assertThat(c.nextEvent()).isNull();
        byte[] chunk = new byte[1 << 20];
        for (int i = 0; i < 8; i++) {
            c.receive(ByteBuffer.wrap(chunk));
            Data d = (Data) c.nextEvent();
            assertThat(d.payload().remaining()).isEqualTo(chunk.length);
            assertThat(d.frameFinished()).isFalse();
            assertThat(c.nextEvent()).isNull();
        }
    }

    @Test
    void lengthWithTopBitSetIsAProtocolError() {
        byte[] wire = bytes("82 7f 80 00 00 00 00 00 00 01");
        assertThat(agreedTranscript(CLIENT, wire, false)).containsExactly("error 1002");
    }

    // ---- masking

    @Test
    void serverRefusesUnmaskedFrames() {
        assertThat(agreedTranscript(SERVER, Wire.fromServer().text("hi").bytes(), false)).containsExactly("error 1002");
    }

    @Test
    void clientRefusesMaskedFrames() {
        assertThat(agreedTranscript(CLIENT, Wire.fromClient().text("hi").bytes(), false)).containsExactly("error 1002");
    }

    // ---- fragmentation and control frames

    @Test
    void continuationWithoutAMessageIsAProtocolError() {
        byte[] wire = Wire.fromClient().frame(true, 0, 0, Wire.utf8("x")).bytes();
        assertThat(agreedTranscript(SERVER, wire, false)).containsExactly("error 1002");
    }

    @Test
    void newDataFrameInsideAFragmentedMessageIsAProtocolError() {
        byte[] wire = Wire.fromClient().frame(false, 0, 1, Wire.utf8("a")).frame(true, 0, 2, new byte[1]).bytes();
        assertThat(agreedTranscript(SERVER, wire, false))
                .containsExactly("frame TEXT rsv=0 len=1", "data 61 end-frame", "error 1002");
    }

    @Test
    void controlFramesMayComeBetweenFragments() {
        byte[] wire = Wire.fromClient().frame(false, 0, 1, Wire.utf8("He"))
                .frame(true, 0, 9, Wire.utf8("p"))
                .frame(true, 0, 0, Wire.utf8("llo")).bytes();
        assertThat(agreedTranscript(SERVER, wire, false)).containsExactly(
                "frame TEXT rsv=0 len=2", "data 4865 end-frame", "ping 70",
                "frame CONTINUATION rsv=0 len=3 fin", "data 6c6c6f end-message");
    }

    @Test
    void controlFramesOver125BytesAreAProtocolError() {
        assertThat(agreedTranscript(SERVER, Wire.fromClient().frame(true, 0, 9, new byte[126]).bytes(), false))
                .containsExactly("error 1002");
        assertThat(agreedTranscript(SERVER, Wire.fromClient().frame(true, 0, 9, new byte[125]).bytes(), false))
                .hasSize(1).allMatch(l -> l.startsWith("ping "));
    }

    @Test
    void fragmentedControlFramesAreAProtocolError() {
        assertThat(agreedTranscript(SERVER, Wire.fromClient().frame(false, 0, 9, new byte[2]).bytes(), false))
                .containsExactly("error 1002");
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4, 5, 6, 7, 11, 12, 13, 14, 15})
    void reservedOpcodesAreAProtocolError(int opcode) {
        assertThat(agreedTranscript(SERVER, Wire.fromClient().frame(true, 0, opcode, new byte[2]).bytes(), false))
                .containsExactly("error 1002");
    }

    @Test
    void reservedOpcodesAreDeliveredWhenAllowed() {
        EngineConfig raw = EngineConfig.builder().allowReservedOpcodes(true).build();
        byte[] wire = Wire.fromClient().frame(true, 0, 3, Wire.utf8("ab")).frame(true, 0, 11, Wire.utf8("c")).bytes();
        assertThat(agreedTranscript(server(raw), wire, false)).containsExactly(
                "frame RESERVED(0x3) rsv=0 len=2 fin", "data 6162 end-message", "control 0xb 63");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7})
    void rsvBitsAreAProtocolErrorUnlessNegotiated(int rsv) {
        byte[] wire = Wire.fromClient().frame(true, rsv, 2, new byte[1]).bytes();
        assertThat(agreedTranscript(SERVER, wire, false)).containsExactly("error 1002");
        EngineConfig raw = EngineConfig.builder().allowedRsv(rsv).build();
        assertThat(agreedTranscript(server(raw), wire, false))
                .containsExactly("frame BINARY rsv=" + rsv + " len=1 fin", "data 00 end-message");
    }

    @Test
    void rsvBitsOnControlFramesAreAProtocolError() {
        assertThat(agreedTranscript(SERVER, Wire.fromClient().frame(true, 4, 9, new byte[0]).bytes(), false))
                .containsExactly("error 1002");
    }

    // ---- UTF-8

    @Test
    void invalidUtf8InATextMessageIs1007() {
        byte[] wire = Wire.fromClient().frame(true, 0, 1, bytes("ce ba e1 bd b9 cf 83 ce bc ce b5 ed a0 80 65 64 69 74 65 64")).bytes();
        assertThat(agreedTranscript(SERVER, wire, false)).containsExactly("frame TEXT rsv=0 len=20 fin", "error 1007");
    }

    @Test
    void utf8IsValidatedAcrossFrames() {
        // U+20AC (e2 82 ac) split over three frames is valid ...
        byte[] ok = Wire.fromClient().frame(false, 0, 1, bytes("e2")).frame(false, 0, 0, bytes("82"))
                .frame(true, 0, 0, bytes("ac")).bytes();
        assertThat(agreedTranscript(SERVER, ok, false)).last().isEqualTo("data ac end-message");
        // ... and a surrogate (ed a0 80) split the same way is not.
        byte[] bad = Wire.fromClient().frame(false, 0, 1, bytes("ed")).frame(true, 0, 0, bytes("a0 80")).bytes();
        assertThat(agreedTranscript(SERVER, bad, false)).containsExactly(
                "frame TEXT rsv=0 len=1", "data ed end-frame", "frame CONTINUATION rsv=0 len=2 fin", "error 1007");
    }

    @Test
    void textEndingInsideACodePointIs1007() {
        byte[] wire = Wire.fromClient().frame(true, 0, 1, bytes("41 e2 82")).bytes();
        assertThat(agreedTranscript(SERVER, wire, false)).containsExactly("frame TEXT rsv=0 len=3 fin", "error 1007");
    }

    @Test
    void invalidUtf8FailsAtTheFirstBadByteBeforeTheFrameEnds() throws Exception {
        // The frame declares 100 bytes; only the first three arrive, the third is invalid.
        byte[] wire = Wire.fromServer().frame(true, 0, 1, bytes("41 42 ff"), 100, false).bytes();
        Connection c = CLIENT.get();
        c.receive(ByteBuffer.wrap(wire));
        assertThat(c.nextEvent()).isInstanceOf(FrameBegin.class);
        RemoteProtocolError e = org.junit.jupiter.api.Assertions.assertThrows(RemoteProtocolError.class, c::nextEvent);
        assertThat(e.closeCode()).isEqualTo(1007);
        assertThat(e.getMessage()).contains("byte 2");
    }

    @Test
    void binaryMessagesAreNotValidatedAsUtf8() {
        byte[] wire = Wire.fromClient().binary(bytes("ff fe")).bytes();
        assertThat(agreedTranscript(SERVER, wire, false)).containsExactly("frame BINARY rsv=0 len=2 fin", "data fffe end-message");
    }

    // ---- limits

    @Test
    void frameOverTheLimitIsRefusedFromItsHeader() throws Exception {
        EngineConfig limited = EngineConfig.builder().maxFrameSize(1000).build();
        byte[] header = Wire.fromClient().frame(true, 0, 2, new byte[0], 1001, true).bytes();
        Connection c = server(limited).get();
        c.receive(ByteBuffer.wrap(header));
        RemoteProtocolError e = org.junit.jupiter.api.Assertions.assertThrows(RemoteProtocolError.class, c::nextEvent);
        assertThat(e.closeCode()).isEqualTo(1009);
        assertThat(e.getMessage()).isEqualTo("frame of 1001 bytes exceeds the limit of 1000");
        assertThat(agreedTranscript(server(limited), Wire.fromClient().binary(new byte[1000]).bytes(), false)).hasSize(2);
    }

    @Test
    void messageOverTheLimitIsRefusedAtTheFrameThatCrossesIt() {
        EngineConfig limited = EngineConfig.builder().maxMessageSize(10).build();
        byte[] wire = Wire.fromClient().frame(false, 0, 2, new byte[6]).frame(true, 0, 0, new byte[5]).bytes();
        assertThat(agreedTranscript(server(limited), wire, false))
                .containsExactly("frame BINARY rsv=0 len=6", "data 000000000000 end-frame", "error 1009");
        byte[] fits = Wire.fromClient().frame(false, 0, 2, new byte[6]).frame(true, 0, 0, new byte[4]).bytes();
        assertThat(agreedTranscript(server(limited), fits, false)).last().isEqualTo("data 00000000 end-message");
    }

    // ---- close

    @Test
    void closeWithoutPayloadIs1005() {
        assertThat(agreedTranscript(SERVER, Wire.fromClient().frame(true, 0, 8, new byte[0]).bytes(), false))
                .containsExactly("close 1005");
    }

    @Test
    void closeWithOneBytePayloadIsAProtocolError() {
        assertThat(agreedTranscript(SERVER, Wire.fromClient().frame(true, 0, 8, new byte[1]).bytes(), false))
                .containsExactly("error 1002");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 999, 1004, 1005, 1006, 1015, 1016, 1100, 2000, 2999, 5000, 65535})
    void closeCodesThatMayNotBeSentAreAProtocolError(int code) {
        assertThat(agreedTranscript(SERVER, Wire.fromClient().close(code, "").bytes(), false)).containsExactly("error 1002");
    }

    @ParameterizedTest
    @ValueSource(ints = {1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 3000, 3999, 4000, 4999})
    void validCloseCodesAreReportedAndEchoed(int code) throws Exception {
        assertThat(agreedTranscript(SERVER, Wire.fromClient().close(code, "bye").bytes(), false))
                .containsExactly("close " + code + " bye");
        Connection c = SERVER.get();
        c.receive(ByteBuffer.wrap(Wire.fromClient().close(code, "bye").bytes()));
        c.nextEvent();
        assertThat(c.state()).isEqualTo(ConnectionState.CLOSED);
        assertThat(Feed.hex(c.pendingOutput())).isEqualTo(String.format("8802%04x", code));
    }

    @Test
    void closeReasonMustBeUtf8() {
        byte[] payload = bytes("03 e8 ce ba ed a0 80");
        assertThat(agreedTranscript(SERVER, Wire.fromClient().frame(true, 0, 8, payload).bytes(), false))
                .containsExactly("error 1007");
    }

    @Test
    void nothingIsReadAfterTheCloseFrame() {
        byte[] wire = Wire.fromClient().close(1000, "").text("late").raw(bytes("ff ff ff")).bytes();
        assertThat(agreedTranscript(SERVER, wire, true)).containsExactly("close 1000");
    }

    @Test
    void endOfStreamWithoutCloseIs1006() {
        assertThat(agreedTranscript(SERVER, Wire.fromClient().text("hi").bytes(), true)).containsExactly(
                "frame TEXT rsv=0 len=2 fin", "data 6869 end-message", "close 1006 the connection ended without a close frame");
        assertThat(agreedTranscript(SERVER, Wire.fromClient().frame(true, 0, 1, Wire.utf8("h"), 2, true).bytes(), true))
                .containsExactly("frame TEXT rsv=0 len=2 fin", "data 68 partial", "close 1006 the connection ended without a close frame");
    }

    @Test
    void aProtocolErrorLeavesTheCloseFrameToSend() throws Exception {
        Connection c = SERVER.get();
        c.receive(ByteBuffer.wrap(Wire.fromClient().frame(true, 0, 0, new byte[1]).bytes()));
        RemoteProtocolError e = org.junit.jupiter.api.Assertions.assertThrows(RemoteProtocolError.class, c::nextEvent);
        assertThat(e.closeCode()).isEqualTo(1002);
        assertThat(c.state()).isEqualTo(ConnectionState.CLOSED);
        byte[] out = Feed.join(c.pendingOutput());
        assertThat(out[0]).isEqualTo((byte) 0x88);
        assertThat(((out[2] & 0xFF) << 8) | (out[3] & 0xFF)).isEqualTo(1002);
        assertThat(new String(out, 4, out.length - 4, java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("continuation frame with no message begun");
        assertThat(c.nextEvent()).isNull();
    }

    // ---- ping

    @Test
    void pingsAreAnsweredAutomaticallyWithTheSamePayload() throws Exception {
        Connection c = SERVER.get();
        c.receive(ByteBuffer.wrap(Wire.fromClient().frame(true, 0, 9, Wire.utf8("abc")).bytes()));
        assertThat(c.nextEvent()).isInstanceOf(Ping.class);
        assertThat(Feed.hex(c.pendingOutput())).isEqualTo("8a03616263");
        assertThat(c.pendingOutput()).isNull();
    }

    @Test
    void pingsAreLeftToTheApplicationInExplicitMode() throws Exception {
        Connection c = server(EngineConfig.builder().autoPong(false).build()).get();
        c.receive(ByteBuffer.wrap(Wire.fromClient().frame(true, 0, 9, Wire.utf8("abc")).bytes()));
        Ping ping = (Ping) c.nextEvent();
        assertThat(c.hasPendingOutput()).isFalse();
        assertThat(Feed.hex(ByteBuffer.wrap(Feed.join(c.send(ping.response()))))).isEqualTo("8a03616263");
    }

    private static Event next(Connection c) {
        try {
            return c.nextEvent();
        } catch (RemoteProtocolError e) {
            throw new AssertionError(e);
        }
    }
}
