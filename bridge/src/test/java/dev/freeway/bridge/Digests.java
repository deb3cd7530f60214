package dev.freeway.bridge;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/** SHA-256 and reproducible pseudo-random bytes for the transfer tests. */
public final class Digests {
    private Digests() {
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Fills {@code chunk} from {@code random} (a seeded generator gives the same bytes each run). */
    public static byte[] fill(SplittableRandom random, byte[] chunk) {
        for (int i = 0; i < chunk.length; i += 8) {
            long r = random.nextLong();
            for (int j = 0; j < 8 && i + j < chunk.length; j++) {
                chunk[i + j] = (byte) (r >>> (8 * j));
            }
        }
        return chunk;
    }
}
