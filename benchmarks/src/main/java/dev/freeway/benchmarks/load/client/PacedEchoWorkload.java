package dev.freeway.benchmarks.load.client;

import org.HdrHistogram.Histogram;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * An open-loop echo at a fixed offered rate: messages are due at evenly spaced instants and go
 * out round-robin over the connections whether or not earlier echoes came back. Latency counts
 * from the instant a message was due, not when it went out, so a server that stalls is charged
 * for every message that waited behind the stall (no coordinated omission). {@link #tick(long)}
 * is called often by a pacing thread through the loop.
 */
public final class PacedEchoWorkload extends Workload {
    private final ByteBuffer frame;
    private final long expectedLength;
    private final double perSecond;
    private final List<LoadConnection> connections = new ArrayList<>();
    private final Histogram latencyNanos = new Histogram(3_600_000_000_000L, 3);
    private long start = -1;
    private long sent;
    private long measureFrom = Long.MAX_VALUE;
    private long measureTo = Long.MAX_VALUE;
    private boolean stopped;
    private long messages;

    public PacedEchoWorkload(ByteBuffer frame, long expectedLength, double perSecond) {
        this.frame = frame;
        this.expectedLength = expectedLength;
        this.perSecond = perSecond;
    }

    @Override
    public void onOpen(LoadConnection connection) {
        connections.add(connection);
    }

    @Override
    public void onMessage(LoadConnection connection, long bytes, String text) {
        long due = connection.takeSendTime();
        if (bytes != expectedLength) {
            fail("an echo of " + expectedLength + " bytes came back with " + bytes);
        }
        if (due >= measureFrom && due < measureTo) {
            latencyNanos.recordValue(Math.max(0, System.nanoTime() - due));
            messages++;
        }
    }

    /** Sends every message due by {@code now}. Loop thread. */
    public void tick(long now) {
        if (stopped || connections.isEmpty()) {
            return;
        }
        if (start < 0) {
            start = now;
        }
        long due = (long) ((now - start) / 1e9 * perSecond);
        for (; sent < due; sent++) {
            connections.get((int) (sent % connections.size())).sendTimed(frame, start + (long) (sent / perSecond * 1e9));
        }
    }

    /** Connections whose handshake succeeded. Loop thread. */
    public int open() {
        return connections.size();
    }

    /** Counts only messages due from now on. Loop thread. */
    public void startMeasuring() {
        measureFrom = System.nanoTime();
    }

    /** Counts no message due from now on; the echoes of those due before still count. Loop thread. */
    public void endMeasuring() {
        measureTo = System.nanoTime();
    }

    /** Stops sending and counting; returns the messages counted and their latencies. Loop thread. */
    public EchoWorkload.Counts stop() {
        stopped = true;
        return new EchoWorkload.Counts(messages, messages * Math.max(expectedLength, 0), latencyNanos.copy());
    }
}
