package dev.freeway.examples.hash;

import jakarta.websocket.Session;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Where a hasher sends its digests: in the endpoints, back to the client as a text message. */
@FunctionalInterface
public interface DigestReply {

    /** Sends one hex digest. */
    void send(String hexDigest);

    /**
     * Replies on {@code session} with blocking sends, so a client that does not read holds the
     * hasher (and through it the reading of its data) back. A failed send is thrown on, which
     * closes the session with 1011.
     */
    static DigestReply to(Session session) {
        return hex -> {
            try {
                session.getBasicRemote().sendText(hex);
            } catch (IOException e) {
                throw new UncheckedIOException("the digest could not be sent", e);
            }
        };
    }
}
