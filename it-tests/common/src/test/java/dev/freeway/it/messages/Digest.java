package dev.freeway.it.messages;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 on the server side, so that endpoints can report on large messages in a few bytes. */
final class Digest {

    private final MessageDigest sha256;

    Digest() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    void update(byte[] bytes, int offset, int length) {
        sha256.update(bytes, offset, length);
    }

    void update(java.nio.ByteBuffer bytes) {
        sha256.update(bytes);
    }

    String hex() {
        return HexFormat.of().formatHex(sha256.digest());
    }
}
