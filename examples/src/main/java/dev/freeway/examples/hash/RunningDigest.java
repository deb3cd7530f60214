package dev.freeway.examples.hash;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A SHA-256 over everything given so far, whose hex digest can be read at any point without
 * ending it (as Python's {@code hexdigest()} in the tutorial). Not thread-safe: one per message
 * stream.
 */
public final class RunningDigest {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private MessageDigest sha256 = newSha256();

    /** Adds the remaining bytes of {@code data}, leaving its position unchanged. */
    public void update(ByteBuffer data) {
        sha256.update(data.duplicate());
    }

    /** Adds {@code length} bytes of {@code data} from {@code offset}. */
    public void update(byte[] data, int offset, int length) {
        sha256.update(data, offset, length);
    }

    /** The hex digest of everything so far; the digest goes on. */
    public String hex() {
        try {
            // digest() ends a MessageDigest; a clone ends instead and this one goes on.
            return hex(((MessageDigest) sha256.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 cannot be cloned", e);
        }
    }

    /** Starts over, as for a new message. */
    public void reset() {
        sha256.reset();
    }

    /** The hex SHA-256 of {@code data}'s remaining bytes, leaving its position unchanged. */
    public static String of(ByteBuffer data) {
        MessageDigest d = newSha256();
        d.update(data.duplicate());
        return hex(d.digest());
    }

    static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[bytes[i] & 0xF];
        }
        return new String(out);
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
