package dev.freeway.examples.hash;

import dev.freeway.api.Freeway;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/**
 * The frame-based hash server: receives messages one whole frame at a time through Freeway's
 * frame-level API and answers each frame with the running digest of its message. A message may
 * have any number of frames; each frame is buffered, up to {@link #MAX_FRAME_SIZE}.
 */
@ServerEndpoint("/hash/frame")
public class FrameHashEndpoint {
    /** The largest frame hashed: 16 MiB (1009 beyond). */
    public static final int MAX_FRAME_SIZE = 16 * 1024 * 1024;

    @OnOpen
    public void open(Session session) {
        // A frame handler buffers one frame within the session's buffer size for its type.
        session.setMaxBinaryMessageBufferSize(MAX_FRAME_SIZE);
        session.setMaxTextMessageBufferSize(MAX_FRAME_SIZE);
        Freeway.of(session).setFrameHandler(new FrameHasher(DigestReply.to(session)));
    }
}
