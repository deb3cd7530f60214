package dev.freeway.container.send;

import dev.freeway.engine.Data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * {@code getSendStream()}: the bytes written become one binary message, sent as a fragment each
 * time the buffer fills and finished by {@link #close()}. The thread writing holds the session's
 * outbound side until then, so other threads' messages wait rather than interleave.
 */
public final class FragmentingOutputStream extends OutputStream {
    /** Bytes gathered before a fragment is sent. */
    public static final int FRAGMENT_SIZE = 16 * 1024;

    private final Outbound outbound;
    private final boolean text;
    private final byte[] buffer = new byte[FRAGMENT_SIZE];
    private int count;
    private boolean closed;
    /** Whether a fragment has gone out: from then on the message is on the wire. */
    private boolean sent;

    public FragmentingOutputStream(Outbound outbound, boolean text) {
        this.outbound = outbound;
        this.text = text;
    }

    @Override
    public void write(int b) throws IOException {
        checkOpen();
        if (count == buffer.length) {
            send(false);
        }
        buffer[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        checkOpen();
        while (len > 0) {
            if (count == buffer.length) {
                send(false);
            }
            int n = Math.min(len, buffer.length - count);
            System.arraycopy(b, off, buffer, count, n);
            count += n;
            off += n;
            len -= n;
        }
    }

    /** Sends what is buffered as a fragment (the message stays open). */
    @Override
    public void flush() throws IOException {
        checkOpen();
        if (count > 0) {
            send(false);
        }
    }

    /** Ends the message. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        send(true);
    }

    /**
     * Gives the message up (its writer failed): what is buffered is dropped, and nothing at all
     * goes out if no fragment has yet; a stream encoder that throws sends no message (TCK
     * throwingcoder). Once a fragment is out the peer holds part of a message that cannot be
     * ended truthfully, so the caller must end the connection.
     *
     * @return whether a fragment had already been sent
     */
    public boolean abandon() {
        boolean started = sent;
        closed = true;
        count = 0;
        if (started) {
            outbound.giveUpMessage();
        }
        return started;
    }

    private void send(boolean last) throws IOException {
        ByteBuffer fragment = ByteBuffer.wrap(java.util.Arrays.copyOf(buffer, count));
        count = 0;
        sent = true;
        outbound.sendBlocking(new Data(fragment, text, true, last), !last);
    }

    private void checkOpen() throws IOException {
        if (closed) {
            throw new IOException("the message stream is closed");
        }
    }
}
