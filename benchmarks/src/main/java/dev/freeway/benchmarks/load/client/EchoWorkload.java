package dev.freeway.benchmarks.load.client;

import org.HdrHistogram.Histogram;

import java.nio.ByteBuffer;

/**
 * Keeps {@code window} messages in flight on every connection: each echo that comes back is
 * timed and replaced by the next message. Counting starts at {@link #startMeasuring()}.
 */
public final class EchoWorkload extends Workload {
    private final ByteBuffer frame;
    private final int window;
    /** The payload length every echo must have, or -1 when the server compresses its answers. */
    private final long expectedLength;
    private final boolean requireDeflate;
    private final Histogram latencyNanos = new Histogram(3_600_000_000_000L, 3);
    private boolean measuring;
    private boolean stopped;
    private long messages;
    private long payloadBytes;
    private int open;

    public EchoWorkload(ByteBuffer frame, int window, long expectedLength, boolean requireDeflate) {
        this.frame = frame;
        this.window = window;
        this.expectedLength = expectedLength;
        this.requireDeflate = requireDeflate;
    }

    @Override
    public void onOpen(LoadConnection connection) {
        if (requireDeflate && !connection.deflateAgreed()) {
            fail("the server did not agree to permessage-deflate");
            connection.close();
            return;
        }
        open++;
        long now = System.nanoTime();
        for (int i = 0; i < window; i++) {
            connection.sendTimed(frame, now);
        }
    }

    @Override
    public void onMessage(LoadConnection connection, long bytes, String text) {
        long now = System.nanoTime();
        long sent = connection.takeSendTime();
        if (expectedLength >= 0 && bytes != expectedLength) {
            fail("an echo of " + expectedLength + " bytes came back with " + bytes);
        }
        if (measuring) {
            latencyNanos.recordValue(Math.max(0, now - sent));
            messages++;
            payloadBytes += bytes;
        }
        if (!stopped) {
            connection.sendTimed(frame, now);
        }
    }

    /** Connections whose handshake succeeded. Loop thread. */
    public int open() {
        return open;
    }

    /** Forgets the warm-up. Loop thread. */
    public void startMeasuring() {
        latencyNanos.reset();
        messages = 0;
        payloadBytes = 0;
        measuring = true;
    }

    /** Stops counting and sending; returns what was counted. Loop thread. */
    public Counts stop() {
        measuring = false;
        stopped = true;
        return new Counts(messages, payloadBytes, latencyNanos.copy());
    }

    /** What a measurement counted. */
    public record Counts(long messages, long payloadBytes, Histogram latencyNanos) {
    }
}
