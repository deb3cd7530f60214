package dev.freeway.examples.hash;

import dev.freeway.api.FrameHandler;

import java.nio.ByteBuffer;

/**
 * The frame-based hasher: a running SHA-256 over the current message, answered after every
 * frame; a new message starts a new digest. The empty final frame that ends a message streamed
 * frame by frame is a frame too, and is answered with the digest of the whole message.
 */
public final class FrameHasher implements FrameHandler {
    private final RunningDigest digest = new RunningDigest();
    private final DigestReply reply;

    public FrameHasher(DigestReply reply) {
        this.reply = reply;
    }

    @Override
    public void onMessageBegin(int opcode) {
        digest.reset();
    }

    @Override
    public void onFrame(ByteBuffer payload, int rsv) {
        digest.update(payload);
        reply.send(digest.hex());
    }
}
