package dev.freeway.examples.hashclient;

import dev.freeway.api.Freeway;
import dev.freeway.api.Opcode;
import dev.freeway.api.StreamingSender;
import dev.freeway.examples.hash.RunningDigest;
import dev.freeway.examples.hash.StreamHashEndpoint;
import jakarta.websocket.Session;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The streaming client: begins one binary message and one frame declaring 2^63-1 bytes (the most
 * a frame can declare), then streams random data into it with Freeway's streaming sender, one
 * 1 MiB batch at a time in chunks of {@code --size}, the next batch once the server's running
 * digest came back. Memory stays constant on both sides however long it runs.
 *
 * <p>The frame can never be finished, so a close frame cannot follow it: when the bytes asked for
 * are sent, the connection is simply dropped (the server sees 1006), as the tutorial's client
 * would when stopped.
 */
final class StreamVariant implements HashVariant {
    static final long BATCH_SIZE = StreamHashEndpoint.BATCH_SIZE;

    @Override
    public void run(Session session, DigestInbox inbox, DigestChecker checker, HashClientOptions options)
            throws IOException, InterruptedException {
        RandomBytes random = new RandomBytes();
        RunningDigest digest = new RunningDigest();
        byte[] chunk = new byte[(int) Math.min(options.size(), BATCH_SIZE)];
        long batches = HashVariant.units(options, BATCH_SIZE);
        StreamingSender out = Freeway.of(session).sender();
        out.beginMessage(Opcode.BINARY);
        out.beginFrame(Long.MAX_VALUE);
        for (long i = 0; i < batches; i++) {
            long left = BATCH_SIZE;
            while (left > 0) {
                int n = (int) Math.min(chunk.length, left);
                random.fill(chunk);
                digest.update(chunk, 0, n);
                // Blocks until the chunk is handed on, so the array can be refilled right after.
                out.sendFrameData(ByteBuffer.wrap(chunk, 0, n));
                left -= n;
            }
            checker.check("batch " + i, BATCH_SIZE, digest.hex(), inbox.next(options.timeoutSeconds()));
        }
    }
}
