package dev.freeway.bridge;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Waits until a producer stops making progress: its byte count has not moved for a second.
 * The tests then assert on bytes (how far it got, what is buffered), not on time.
 */
public final class Stall {
    private Stall() {
    }

    /** @return the count where {@code progress} stalled */
    public static long await(LongSupplier progress) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long last = -1;
        while (System.nanoTime() < end) {
            long now = progress.getAsLong();
            if (now > 0 && now == last) {
                return now;
            }
            last = now;
            Thread.sleep(1_000);
        }
        throw new AssertionError("the producer never stalled; it reached " + last + " bytes");
    }
}
