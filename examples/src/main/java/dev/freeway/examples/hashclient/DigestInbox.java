package dev.freeway.examples.hashclient;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The client endpoint: collects the digests the server sends (text messages), and how the
 * connection ended, for the sending thread to take one by one.
 */
final class DigestInbox extends Endpoint {
    /** A digest, or the end of the connection. */
    private record Reply(String digest, String end) {
    }

    private final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        session.addMessageHandler(String.class, digest -> replies.add(new Reply(digest, null)));
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        replies.add(new Reply(null, "the connection closed: " + reason.getCloseCode().getCode() + " "
                + reason.getReasonPhrase()));
    }

    @Override
    public void onError(Session session, Throwable error) {
        replies.add(new Reply(null, "the connection failed: " + error));
    }

    /**
     * The next digest.
     *
     * @throws ConnectionEndedException if the connection ended first, or none came in time
     */
    String next(long timeoutSeconds) throws InterruptedException {
        Reply r = replies.poll(timeoutSeconds, TimeUnit.SECONDS);
        if (r == null) {
            throw new ConnectionEndedException("no digest came within " + timeoutSeconds + " s");
        }
        if (r.end() != null) {
            replies.add(r); // every later call hears of the end too
            throw new ConnectionEndedException(r.end());
        }
        return r.digest();
    }
}
