package dev.freeway.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.freeway.api.Opcode;
import dev.freeway.api.StreamingHandler;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The streaming level of the seeds, end to end through two engines: a client streaming with
 * {@link EngineStreamingSender}, a server receiving through {@link StreamingDispatcher}.
 */
class StreamingTest {

    /** The seeds' streaming hash server: a running SHA-256, one digest per batch of bytes. */
    static final class HashingHandler implements StreamingHandler {
        final List<String> calls = new ArrayList<>();
        final List<String> digests = new ArrayList<>();
        private final long batch;
        private MessageDigest sha;
        private long received;
        private long next;

        HashingHandler(long batch) {
            this.batch = batch;
        }

        @Override
        public void onMessageBegin(int opcode) {
            calls.add("message " + Opcode.name(opcode));
            sha = sha256();
            received = 0;
            next = batch;
        }

        @Override
        public void onFrameBegin(long length, int rsv) {
            calls.add("frame " + length);
        }

        @Override
        public void onFrameData(ByteBuffer data) {
            while (data.hasRemaining()) {
                int n = (int) Math.min(data.remaining(), next - received);
                ByteBuffer part = data.slice(data.position(), n);
                sha.update(part);
                data.position(data.position() + n);
                received += n;
                if (received == next) {
                    digests.add(hex(copyOf(sha).digest()));
                    next += batch;
                }
            }
        }

        @Override
        public void onFrameEnd() {
            calls.add("frame end");
        }

        @Override
        public void onMessageEnd() {
            calls.add("message end");
        }
    }

    @Test
    void oneFrameOf2To63Minus1BytesStreamsWithConstantMemory() throws Exception {
        Connection client = Connection.established(Role.CLIENT, EngineConfig.defaults(), List.of());
        Connection server = Connection.established(Role.SERVER, EngineConfig.defaults(), List.of());
        HashingHandler handler = new HashingHandler(1 << 20);
        MessageDigest expected = sha256();
        List<String> expectedDigests = new ArrayList<>();
        ByteSink wire = into(server, handler);
        EngineStreamingSender sender = EngineStreamingSender.over(client, wire);
        sender.beginMessage(Opcode.BINARY);
        sender.beginFrame(Long.MAX_VALUE);
        byte[] batch = new byte[1 << 20]; // one buffer, reused: memory stays constant however long the frame
        Random random = new Random(5);
        for (int i = 0; i < 64; i++) {
            random.nextBytes(batch);
            expected.update(batch);
            expectedDigests.add(hex(copyOf(expected).digest()));
            sender.sendFrameData(ByteBuffer.wrap(batch));
        }
        assertThat(handler.calls).containsExactly("message BINARY", "frame " + Long.MAX_VALUE);
        assertThat(handler.digests).isEqualTo(expectedDigests);
        assertThatThrownBy(() -> sender.beginMessage(Opcode.TEXT)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void frameBasedMessagesAndTheirBoundaries() throws Exception {
        Connection client = Connection.established(Role.CLIENT, EngineConfig.defaults(), List.of());
        Connection server = Connection.established(Role.SERVER, EngineConfig.defaults(), List.of());
        HashingHandler handler = new HashingHandler(3);
        EngineStreamingSender sender = EngineStreamingSender.over(client, into(server, handler));
        sender.beginMessage(Opcode.TEXT);
        sender.sendFrame(ByteBuffer.wrap(Wire.utf8("abc")));
        sender.beginFrame(3);
        sender.sendFrameData(ByteBuffer.wrap(Wire.utf8("de")));
        sender.sendFrameData(ByteBuffer.wrap(Wire.utf8("f")));
        assertThatThrownBy(() -> sender.sendFrameData(ByteBuffer.wrap(Wire.utf8("g"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no frame is in progress: send FrameBegin first");
        sender.endMessage();
        assertThat(handler.calls).containsExactly("message TEXT", "frame 3", "frame end", "frame 3", "frame end",
                "frame 0", "frame end", "message end");
        assertThat(handler.digests).containsExactly(hex(sha256().digest(Wire.utf8("abc"))),
                hex(sha256().digest(Wire.utf8("abcdef"))));
    }

    @Test
    void misuseIsRefused() {
        Connection client = Connection.established(Role.CLIENT, EngineConfig.defaults(), List.of());
        EngineStreamingSender sender = EngineStreamingSender.over(client, buffers -> { });
        assertThatThrownBy(() -> sender.sendFrame(ByteBuffer.allocate(1)))
                .isInstanceOf(IllegalStateException.class).hasMessage("no message is open: call beginMessage first");
        assertThatThrownBy(() -> sender.beginMessage(Opcode.PING))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("PING cannot begin a message");
    }

    /** A sink that feeds the bytes to {@code server} and its events to {@code handler}. */
    static ByteSink into(Connection server, StreamingHandler handler) {
        return buffers -> {
            try {
                for (ByteBuffer b : buffers) {
                    server.receive(b);
                    for (Event e; (e = server.nextEvent()) != null; ) {
                        StreamingDispatcher.dispatch(e, handler);
                    }
                }
            } catch (RemoteProtocolError e) {
                throw new java.io.IOException(e);
            }
        };
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static MessageDigest copyOf(MessageDigest d) {
        try {
            return (MessageDigest) d.clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
