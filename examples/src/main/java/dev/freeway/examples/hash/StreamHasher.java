package dev.freeway.examples.hash;

import dev.freeway.api.StreamingHandler;

import java.nio.ByteBuffer;

/**
 * The streaming hasher: a running SHA-256 over the current message, answered every
 * {@code batchSize} bytes, whatever the frames and chunks the bytes came in. Nothing is buffered:
 * each chunk is hashed while the engine still holds it, so a frame of 2^63-1 bytes takes as
 * little memory as one of ten. A new message starts a new digest.
 */
public final class StreamHasher implements StreamingHandler {
    private final RunningDigest digest = new RunningDigest();
    private final long batchSize;
    private final DigestReply reply;
    /** Bytes of the current message still to come before the next answer. */
    private long untilNext;

    public StreamHasher(long batchSize, DigestReply reply) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, was " + batchSize);
        }
        this.batchSize = batchSize;
        this.reply = reply;
        this.untilNext = batchSize;
    }

    @Override
    public void onMessageBegin(int opcode) {
        digest.reset();
        untilNext = batchSize;
    }

    @Override
    public void onFrameData(ByteBuffer data) {
        ByteBuffer rest = data.duplicate();
        while (rest.hasRemaining()) {
            // A chunk may cross a batch boundary: hash up to it, answer, go on with the rest.
            int take = (int) Math.min(rest.remaining(), untilNext);
            ByteBuffer part = rest.slice();
            part.limit(take);
            digest.update(part);
            rest.position(rest.position() + take);
            untilNext -= take;
            if (untilNext == 0) {
                reply.send(digest.hex());
                untilNext = batchSize;
            }
        }
    }
}
