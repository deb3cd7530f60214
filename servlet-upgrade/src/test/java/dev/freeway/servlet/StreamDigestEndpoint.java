package dev.freeway.servlet;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * {@link DigestEndpoint} with an {@code InputStream} handler: each message is streamed through a
 * pipe rather than buffered, and the first one is left unread for a while, so the pipe fills and the session
 * stops reading in the middle of a message.
 */
@ServerEndpoint("/stream-digest")
public class StreamDigestEndpoint {
    private boolean pausedOnce;

    @OnMessage
    public String digest(InputStream message) throws IOException, InterruptedException, NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] chunk = new byte[8192];
        long length = 0;
        if (!pausedOnce) {
            pausedOnce = true;
            Thread.sleep(1500);
        }
        for (int n; (n = message.read(chunk)) >= 0; ) {
            sha.update(chunk, 0, n);
            length += n;
        }
        return HexFormat.of().formatHex(sha.digest()) + ":" + length;
    }
}
