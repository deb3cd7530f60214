package dev.freeway.examples.hash;

import dev.freeway.api.Freeway;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/**
 * The streaming hash server: receives data as it arrives through Freeway's streaming API and
 * answers with the running digest every {@link #BATCH_SIZE} bytes. Messages and frames of any
 * length (a frame may declare 2^63-1 bytes) take constant memory.
 *
 * <p>Flow control needs no code here: the digest is sent with a blocking send from inside the
 * handler, so a client that stops reading stops this session's reading too, and TCP holds the
 * client's data back. ({@code Freeway.of(session).pause()} and {@code resume()} do the same for
 * work handed to other threads.)
 */
@ServerEndpoint("/hash/stream")
public class StreamHashEndpoint {
    /** A digest is sent every 1 MiB of data. */
    public static final int BATCH_SIZE = 1024 * 1024;

    @OnOpen
    public void open(Session session) {
        Freeway.of(session).setStreamingHandler(new StreamHasher(BATCH_SIZE, DigestReply.to(session)));
    }
}
