package dev.freeway.engine;

import dev.freeway.api.Opcode;
import dev.freeway.api.StreamingSender;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A {@link StreamingSender} over a {@link Connection}: each call becomes engine events whose
 * bytes go to a {@link ByteSink}. Not thread-safe, like the connection; a transport that sends
 * from several threads serialises the calls.
 */
public final class EngineStreamingSender implements StreamingSender {
    private static final int NONE = -1;

    private final Connection connection;
    private final ByteSink sink;
    /** The opcode of the message begun and not yet given to a frame, or {@link #NONE}. */
    private int pendingOpcode = NONE;
    /** The opcode of the open message, or {@link #NONE} between messages. */
    private int messageOpcode = NONE;

    public EngineStreamingSender(Connection connection, ByteSink sink) {
        this.connection = connection;
        this.sink = sink;
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
        sink.write(connection.send(new Data(payload, messageOpcode == Opcode.TEXT, true, false)));
        pendingOpcode = NONE;
    }

    @Override
    public void beginFrame(long length, int rsv) throws IOException {
        requireMessage();
        int opcode = pendingOpcode == NONE ? Opcode.CONTINUATION : pendingOpcode;
        sink.write(connection.send(new FrameBegin(opcode, rsv, length, false)));
        pendingOpcode = NONE;
    }

    @Override
    public void sendFrameData(ByteBuffer chunk) throws IOException {
        sink.write(connection.send(new FrameData(chunk)));
    }

    @Override
    public void endMessage() throws IOException {
        requireMessage();
        ByteBuffer empty = ByteBuffer.allocate(0);
        if (Opcode.isReserved(messageOpcode)) {
            int opcode = pendingOpcode == NONE ? Opcode.CONTINUATION : pendingOpcode;
            sink.write(connection.send(new FrameBegin(opcode, 0, 0, true)));
        } else {
            sink.write(connection.send(new Data(empty, messageOpcode == Opcode.TEXT, true, true)));
        }
        pendingOpcode = NONE;
        messageOpcode = NONE;
    }

    @Override
    public void sendPing(ByteBuffer payload) throws IOException {
        sink.write(connection.send(new Ping(payload)));
    }

    @Override
    public void sendPong(ByteBuffer payload) throws IOException {
        sink.write(connection.send(new Pong(payload)));
    }

    private void requireMessage() {
        if (messageOpcode == NONE) {
            throw new LocalProtocolError("no message is open: call beginMessage first");
        }
    }
}
