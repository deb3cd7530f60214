package dev.freeway.servlet.tomcat;

import dev.freeway.transport.WriteBatch;
import dev.freeway.transport.WritePort;
import org.apache.tomcat.util.net.SocketWrapperBase.BlockingMode;
import org.apache.tomcat.util.net.SocketWrapperBase.CompletionState;
import org.apache.tomcat.util.net.SocketWrapperBase;

import java.nio.ByteBuffer;
import java.nio.channels.CompletionHandler;
import java.util.concurrent.TimeUnit;

/**
 * How a {@link TomcatTransport}'s {@link dev.freeway.transport.WriteQueue} writes: one asynchronous
 * gathering write per batch. Tomcat reports a write the socket takes at once on the writing thread;
 * one that must wait for the socket to become writable it finishes later on one of its own
 * threads, outside the connection's event dispatch. So no thread ever blocks on a write, and a
 * session blocked in a send never holds up the connection's reading.
 */
final class TomcatWrites implements WritePort, CompletionHandler<Long, WriteBatch> {
    private final SocketWrapperBase<?> socket;

    TomcatWrites(SocketWrapperBase<?> socket) {
        this.socket = socket;
    }

    @Override
    public void write(ByteBuffer[] buffers, WriteBatch batch) {
        CompletionState state = socket.write(BlockingMode.NON_BLOCK, -1, TimeUnit.MILLISECONDS, batch,
                SocketWrapperBase.COMPLETE_WRITE_WITH_COMPLETION, this, buffers);
        if (state == CompletionState.NOT_DONE) {
            // The queue has one write in flight at a time: cannot happen.
            batch.failed(new IllegalStateException("Tomcat refused a write while none was pending"));
        }
    }

    @Override
    public void completed(Long written, WriteBatch batch) {
        batch.succeeded();
    }

    @Override
    public void failed(Throwable error, WriteBatch batch) {
        batch.failed(error);
    }
}
