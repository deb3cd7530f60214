package dev.freeway.examples.hashclient;

import dev.freeway.examples.hash.RunningDigest;
import jakarta.websocket.Session;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The message-based client: one binary message of {@code --size} random bytes at a time with the
 * Jakarta API, the next once the server's digest of it came back.
 */
final class MessageVariant implements HashVariant {

    @Override
    public void run(Session session, DigestInbox inbox, DigestChecker checker, HashClientOptions options)
            throws IOException, InterruptedException {
        RandomBytes random = new RandomBytes();
        byte[] message = new byte[options.size()];
        long count = HashVariant.units(options, message.length);
        for (long i = 0; i < count; i++) {
            random.fill(message);
            String expected = RunningDigest.of(ByteBuffer.wrap(message));
            // A blocking send returns once the bytes are handed on: the array can be refilled.
            session.getBasicRemote().sendBinary(ByteBuffer.wrap(message));
            checker.check("message " + i, message.length, expected, inbox.next(options.timeoutSeconds()));
        }
    }
}
