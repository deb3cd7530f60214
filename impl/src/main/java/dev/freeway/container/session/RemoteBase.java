package dev.freeway.container.session;

import dev.freeway.engine.Ping;
import dev.freeway.engine.Pong;
import jakarta.websocket.RemoteEndpoint;

import java.io.IOException;
import java.nio.ByteBuffer;

/** What both remote endpoints share: batching, and pings and pongs (always sent at once). */
abstract class RemoteBase implements RemoteEndpoint {
    final WsSession session;

    RemoteBase(WsSession session) {
        this.session = session;
    }

    @Override
    public void setBatchingAllowed(boolean allowed) throws IOException {
        session.outbound().setBatching(allowed);
    }

    @Override
    public boolean getBatchingAllowed() {
        return session.outbound().isBatching();
    }

    @Override
    public void flushBatch() throws IOException {
        session.outbound().flushBatch();
    }

    /** @throws IllegalArgumentException if the payload is over 125 bytes */
    @Override
    public void sendPing(ByteBuffer applicationData) throws IOException {
        session.outbound().sendBlocking(new Ping(orEmpty(applicationData)), false);
    }

    /** @throws IllegalArgumentException if the payload is over 125 bytes */
    @Override
    public void sendPong(ByteBuffer applicationData) throws IOException {
        session.outbound().sendBlocking(new Pong(orEmpty(applicationData)), false);
    }

    static ByteBuffer orEmpty(ByteBuffer b) {
        return b == null ? ByteBuffer.allocate(0) : b;
    }

    static void require(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
    }
}
