package dev.freeway.examples.hashclient;

import dev.freeway.api.Freeway;
import dev.freeway.api.Opcode;
import dev.freeway.api.StreamingSender;
import dev.freeway.examples.hash.RunningDigest;
import jakarta.websocket.Session;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The frame-based client: begins one binary message and sends frames of {@code --size} random
 * bytes with Freeway's frame-level sender, the next once the server's running digest came back.
 * When the bytes asked for are sent it ends the message (an empty final frame, answered with the
 * digest of the whole message) and closes.
 */
final class FrameVariant implements HashVariant {

    @Override
    public void run(Session session, DigestInbox inbox, DigestChecker checker, HashClientOptions options)
            throws IOException, InterruptedException {
        RandomBytes random = new RandomBytes();
        RunningDigest digest = new RunningDigest();
        byte[] frame = new byte[options.size()];
        long count = HashVariant.units(options, frame.length);
        StreamingSender out = Freeway.of(session).sender();
        out.beginMessage(Opcode.BINARY);
        for (long i = 0; i < count; i++) {
            random.fill(frame);
            digest.update(frame, 0, frame.length);
            out.sendFrame(ByteBuffer.wrap(frame));
            checker.check("frame " + i, frame.length, digest.hex(), inbox.next(options.timeoutSeconds()));
        }
        out.endMessage();
        checker.check("the whole message", 0, digest.hex(), inbox.next(options.timeoutSeconds()));
    }
}
