package dev.freeway.engine;

import dev.freeway.api.Opcode;
import dev.freeway.api.StreamingSender;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A {@link StreamingSender} that turns each call into engine events for an {@link EventSink}:
 * straight to a {@link Connection} and its transport ({@link #over}), or through a session that
 * serialises senders. Not thread-safe itself: one sender per sending thread or message.
 */
public final class EngineStreamingSender implements StreamingSender {
    private static final int NONE = -1;

    private final EventSink sink;
    /** The opcode of the message begun and not yet given to a frame, or {@link #NONE}. */
    private int pendingOpcode = NONE;
    /** The opcode of the open message, or {@link #NONE} between messages. */
    private int messageOpcode = NONE;

    public EngineStreamingSender(EventSink sink) {
        this.sink = sink;
    }

    /** A sender writing {@code connection}'s bytes for each event to {@code bytes}. */
    public static EngineStreamingSender over(Connection connection, ByteSink bytes) {
        return new EngineStreamingSender((event, continues) -> bytes.write(connection.send(event)));
    }

    @Override
    public void beginMessage(int opcode) {
        if (messageOpcode != NONE) {
            throw new LocalProtocolError("a " + Opcode.name(messageOpcode) + " message is open: end it first");
        }
        if (opcode < 0 || opcode > 0xF || Opcode.isControl(opcode) || opcode == Opcode.CONTINUATION) {
            throw new IllegalArgumentException(Opcode.name(opcode) + " cannot begin a message");
        }
        messageOpcode = opcode;
        pendingOpcode = opcode;
    }

    @Override
    public void sendFrame(ByteBuffer payload) throws IOException {
        requireMessage();
        if (Opcode.isReserved(messageOpcode)) {
            // Data events carry only text and binary; a reserved opcode goes as a declared frame.
            beginFrame(payload.remaining(), 0);
            sendFrameData(payload);
            return;
        }
        sink.send(new Data(payload, messageOpcode == Opcode.TEXT, true, false), true);
        pendingOpcode = NONE;
    }

    @Override
    public void beginFrame(long length, int rsv) throws IOException {
        requireMessage();
        int opcode = pendingOpcode == NONE ? Opcode.CONTINUATION : pendingOpcode;
        sink.send(new FrameBegin(opcode, rsv, length, false), true);
        pendingOpcode = NONE;
    }

    @Override
    public void sendFrameData(ByteBuffer chunk) throws IOException {
        sink.send(new FrameData(chunk), true);
    }

    @Override
    public void endMessage() throws IOException {
        requireMessage();
        ByteBuffer empty = ByteBuffer.allocate(0);
        if (Opcode.isReserved(messageOpcode)) {
            int opcode = pendingOpcode == NONE ? Opcode.CONTINUATION : pendingOpcode;
            sink.send(new FrameBegin(opcode, 0, 0, true), false);
        } else {
            sink.send(new Data(empty, messageOpcode == Opcode.TEXT, true, true), false);
        }
        pendingOpcode = NONE;
        messageOpcode = NONE;
    }

    @Override
    public void sendPing(ByteBuffer payload) throws IOException {
        sink.send(new Ping(payload), messageOpcode != NONE);
    }

    @Override
    public void sendPong(ByteBuffer payload) throws IOException {
        sink.send(new Pong(payload), messageOpcode != NONE);
    }

    private void requireMessage() {
        if (messageOpcode == NONE) {
            throw new LocalProtocolError("no message is open: call beginMessage first");
        }
    }
}
