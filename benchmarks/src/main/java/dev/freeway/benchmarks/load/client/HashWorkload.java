package dev.freeway.benchmarks.load.client;

import java.nio.ByteBuffer;

/**
 * Sends one binary message of {@code blocks} times a block as a single frame, and waits for the
 * server's SHA-256 of it. The block is masked once; its length is a multiple of 4, so every
 * repetition is masked alike.
 */
public final class HashWorkload extends Workload {
    private final ByteBuffer maskedBlock;
    private final long blocks;
    private final String expectedDigest;
    private volatile long startNanos;
    private volatile long endNanos;
    private long queued;

    public HashWorkload(byte[] block, long blocks, String expectedDigest) {
        if (block.length % 4 != 0) {
            throw new IllegalArgumentException("the block must be a multiple of 4 bytes");
        }
        this.maskedBlock = ByteBuffer.wrap(ClientFrames.mask(block)).asReadOnlyBuffer();
        this.blocks = blocks;
        this.expectedDigest = expectedDigest;
    }

    @Override
    public void onOpen(LoadConnection connection) {
        startNanos = System.nanoTime();
        connection.send(ClientFrames.header(ClientFrames.BINARY, (long) maskedBlock.remaining() * blocks, false));
        // A few blocks queued at a time, topped up as they go out: nothing like the message in memory.
        connection.onDrained(() -> refill(connection));
        refill(connection);
    }

    private void refill(LoadConnection connection) {
        while (queued < blocks && connection.queued() < 4) {
            queued++;
            connection.send(maskedBlock);
        }
    }

    @Override
    public void onMessage(LoadConnection connection, long payloadBytes, String text) {
        if (!expectedDigest.equals(text)) {
            fail("the server answered " + text + ", not the SHA-256 " + expectedDigest);
        }
        endNanos = System.nanoTime();
        connection.close();
    }

    /** Nanoseconds from the first byte sent to the digest, or 0 while unfinished. */
    public long elapsedNanos() {
        long end = endNanos;
        return end == 0 ? 0 : end - startNanos;
    }
}
