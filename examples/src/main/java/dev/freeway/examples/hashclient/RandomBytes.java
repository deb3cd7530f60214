package dev.freeway.examples.hashclient;

import java.util.SplittableRandom;

/**
 * The tutorial's random payload. A fast non-cryptographic generator: the data only has to be
 * unpredictable enough that a corrupted or lost byte changes the digest.
 */
final class RandomBytes {
    private final SplittableRandom random = new SplittableRandom();

    /** Fills {@code buffer} with fresh random bytes. */
    void fill(byte[] buffer) {
        random.nextBytes(buffer);
    }
}
