package dev.freeway.servlet.undertow;

import dev.freeway.transport.WriteBatch;
import dev.freeway.transport.WritePort;
import org.xnio.XnioIoThread;
import org.xnio.channels.StreamSinkChannel;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * How an {@link UndertowTransport}'s {@link dev.freeway.transport.WriteQueue} writes: gathering
 * writes on the connection's XNIO sink channel, always on the connection's I/O thread (a write
 * from another thread is handed to it), so the channel is never used by two threads at once. What
 * the socket does not take at once is written from the channel's write listener, which XNIO calls
 * on the same thread once the socket is writable again.
 *
 * <p>A batch is reported on the I/O thread that wrote it, as Jetty's and Tomcat's transports report
 * on their containers' threads: a report must never wait for a pool thread, since the pool's
 * (bounded) threads may all be senders blocked until a report wakes them (200 echoing connections
 * stalled for the send timeout when reports went to the executor). What a report runs is Freeway's
 * own bookkeeping and the next batch's start; send handlers, the application's code, are handed to
 * the executor by the session ({@code AsyncRemote}).
 */
final class UndertowWrites implements WritePort {
    private final StreamSinkChannel sink;
    private final XnioIoThread io;

    /** I/O thread only: the batch being written and its buffers. */
    private WriteBatch batch;
    private ByteBuffer[] buffers;

    UndertowWrites(StreamSinkChannel sink, XnioIoThread io) {
        this.sink = sink;
        this.io = io;
    }

    /** Sets the channel's write listener; before any write. */
    void register() {
        sink.getWriteSetter().set(channel -> writeSome());
    }

    @Override
    public void write(ByteBuffer[] buffers, WriteBatch batch) {
        Runnable start = () -> {
            this.buffers = buffers;
            this.batch = batch;
            writeSome();
        };
        if (Thread.currentThread() == io) {
            start.run();
        } else {
            io.execute(start);
        }
    }

    /** On the I/O thread: writes and flushes while the socket takes it, else waits for the write listener. */
    private void writeSome() {
        WriteBatch current = batch;
        if (current == null) {
            sink.suspendWrites(); // a spurious wake-up
            return;
        }
        try {
            while (hasRemaining(buffers)) {
                if (sink.write(buffers, 0, buffers.length) == 0) {
                    sink.resumeWrites();
                    return;
                }
            }
            if (!sink.flush()) {
                sink.resumeWrites();
                return;
            }
            sink.suspendWrites();
        } catch (IOException | RuntimeException e) {
            finish();
            current.failed(e);
            return;
        }
        finish();
        current.succeeded();
    }

    private void finish() {
        batch = null;
        buffers = null;
    }

    private static boolean hasRemaining(ByteBuffer[] buffers) {
        for (ByteBuffer b : buffers) {
            if (b.hasRemaining()) {
                return true;
            }
        }
        return false;
    }
}
