package dev.freeway.bridge.client;

import dev.freeway.api.FreewaySession;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * Bytes received and not yet read, bounded: once {@code limit} bytes wait, the session is paused
 * (Freeway reads no more from the network and the server's TCP window closes), and reading
 * below half the limit resumes it. At most {@code limit} plus one message part is ever held.
 */
final class InboundBytes {
    private final long limit;
    private final long readTimeoutNanos;
    private final ArrayDeque<ByteBuffer> chunks = new ArrayDeque<>();
    private FreewaySession flow;
    private long buffered;
    private boolean paused;
    private boolean ended;
    private String failure;

    InboundBytes(long limit, long readTimeoutMillis) {
        this.limit = limit;
        this.readTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(readTimeoutMillis);
    }

    synchronized void attach(FreewaySession session) {
        this.flow = session;
    }

    /** The session's thread: a message part arrived (copied: the caller's buffer is reused). */
    synchronized void add(ByteBuffer data) {
        if (!data.hasRemaining() || ended) {
            return;
        }
        ByteBuffer copy = ByteBuffer.allocate(data.remaining());
        copy.put(data).flip();
        chunks.add(copy);
        buffered += copy.remaining();
        // pause and resume under the lock: done outside, a reader's resume could slip in between
        // our decision and our pause and leave the session paused with nothing to read.
        if (!paused && buffered >= limit) {
            paused = true;
            flow.pause();
        }
        notifyAll();
    }

    /** No more bytes will come; {@code failure} (or null for a clean end) is what later reads report. */
    synchronized void end(String failure) {
        if (!ended) {
            ended = true;
            this.failure = failure;
            notifyAll();
        }
    }

    /**
     * Moves waiting bytes into {@code dst}, blocking until there are some.
     *
     * @return the bytes moved, or -1 at a clean end
     * @throws IOException the connection ended in failure, or the read timeout passed
     */
    synchronized int read(ByteBuffer dst) throws IOException {
        if (!dst.hasRemaining()) {
            return 0;
        }
        long deadline = System.nanoTime() + readTimeoutNanos;
        while (chunks.isEmpty() && !ended) {
            try {
                if (readTimeoutNanos == 0) {
                    wait();
                } else {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new SocketTimeoutException("nothing to read for " + TimeUnit.NANOSECONDS.toMillis(readTimeoutNanos) + " ms");
                    }
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading the WebSocket stream");
            }
        }
        if (chunks.isEmpty()) {
            if (failure != null) {
                throw new IOException(failure);
            }
            return -1;
        }
        int moved = 0;
        while (dst.hasRemaining() && !chunks.isEmpty()) {
            ByteBuffer head = chunks.peek();
            int n = Math.min(head.remaining(), dst.remaining());
            dst.put(head.slice(head.position(), n));
            head.position(head.position() + n);
            moved += n;
            if (!head.hasRemaining()) {
                chunks.poll();
            }
        }
        buffered -= moved;
        if (paused && buffered <= limit / 2) {
            paused = false;
            flow.resume();
        }
        return moved;
    }

    synchronized int available() {
        return (int) Math.min(Integer.MAX_VALUE, buffered);
    }

    /** Bytes received and not yet read. */
    synchronized long buffered() {
        return buffered;
    }
}
