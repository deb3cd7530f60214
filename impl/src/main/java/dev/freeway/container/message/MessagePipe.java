package dev.freeway.container.message;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * Carries one message from the thread reading the connection to the thread running a
 * {@code Reader} or {@code InputStream} handler. Chunks are copied in; once more than
 * {@code capacity} bytes wait, {@link #offer} says so and the session stops reading (TCP then
 * holds the peer back) until the handler has read them and {@link Drained#drained()} fires. So
 * a message of any size passes with at most {@code capacity} plus one chunk in memory.
 */
public final class MessagePipe extends InputStream {
    /** Called on the handler's thread when a full pipe has room again. */
    public interface Drained {
        void drained();
    }

    private final int capacity;
    private final Drained drained;
    private final ArrayDeque<ByteBuffer> chunks = new ArrayDeque<>();
    private int count;
    private boolean ended;
    private boolean closed;
    private boolean full;
    private IOException failure;

    public MessagePipe(int capacity, Drained drained) {
        this.capacity = capacity;
        this.drained = drained;
    }

    /**
     * Copies {@code chunk} into the pipe.
     *
     * @return whether there is still room; when not, {@link Drained#drained()} will be called
     *         once the handler has read enough
     */
    public synchronized boolean offer(ByteBuffer chunk) {
        if (closed || !chunk.hasRemaining()) {
            return true; // a handler that closed its stream skips the rest of the message
        }
        ByteBuffer copy = ByteBuffer.allocate(chunk.remaining());
        copy.put(chunk.duplicate()).flip();
        chunks.add(copy);
        count += copy.remaining();
        notifyAll();
        full = count >= capacity;
        return !full;
    }

    /** The message ended: readers see the end of the stream once the pipe is empty. */
    public synchronized void end() {
        ended = true;
        notifyAll();
    }

    /** The message will never end (the connection failed): readers get {@code cause}. */
    public synchronized void fail(IOException cause) {
        failure = cause;
        notifyAll();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        boolean signal = false;
        int n;
        synchronized (this) {
            if (len == 0) {
                return 0;
            }
            while (count == 0 && !ended && failure == null && !closed) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while reading a message");
                }
            }
            if (count == 0) {
                if (failure != null && !ended) {
                    throw failure;
                }
                return -1;
            }
            ByteBuffer head = chunks.peek();
            n = Math.min(len, head.remaining());
            head.get(b, off, n);
            if (!head.hasRemaining()) {
                chunks.poll();
            }
            count -= n;
            if (full && count < capacity) {
                full = false;
                signal = true;
            }
        }
        if (signal) {
            drained.drained();
        }
        return n;
    }

    @Override
    public synchronized int available() {
        return count;
    }

    /** The handler is done with the stream; the rest of the message is skipped. */
    @Override
    public void close() {
        boolean signal;
        synchronized (this) {
            closed = true;
            chunks.clear();
            count = 0;
            signal = full;
            full = false;
            notifyAll();
        }
        if (signal) {
            drained.drained();
        }
    }
}
