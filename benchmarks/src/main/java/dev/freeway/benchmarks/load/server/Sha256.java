package dev.freeway.benchmarks.load.server;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A running SHA-256 over one message, answered as lowercase hex. */
final class Sha256 {
    private final MessageDigest digest;

    Sha256() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    void update(ByteBuffer data) {
        digest.update(data);
    }

    /** The digest of everything so far, as hex; starts the next message afresh. */
    String finish() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
