package dev.freeway.servlet;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Answers each binary message with its SHA-256 and length. It sits on the first message for a while before
 * reading it, so the session stops reading and the peer's bytes pile up in the network and in the container's buffers.
 */
@ServerEndpoint("/digest")
public class DigestEndpoint {
    private boolean pausedOnce;

    @OnMessage(maxMessageSize = 1 << 24)
    public String digest(byte[] message) throws InterruptedException, NoSuchAlgorithmException {
        if (!pausedOnce) {
            pausedOnce = true;
            Thread.sleep(1500);
        }
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        return HexFormat.of().formatHex(sha.digest(message)) + ":" + message.length;
    }
}
