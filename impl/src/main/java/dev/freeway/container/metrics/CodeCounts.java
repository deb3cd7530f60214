package dev.freeway.container.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntConsumer;

/**
 * Counts by a numeric code (an HTTP status, a close code). The codes are few and known only as
 * they come, so each gets its counter the first time it is seen, and {@code firstSeen} is told
 * once, for a publisher to add a meter for it. Counted once per handshake or close, never per
 * message.
 */
final class CodeCounts {
    private final ConcurrentHashMap<Integer, LongAdder> counts = new ConcurrentHashMap<>();
    private final IntConsumer firstSeen;

    CodeCounts(IntConsumer firstSeen) {
        this.firstSeen = firstSeen;
    }

    void increment(int code) {
        LongAdder count = counts.get(code);
        if (count == null) {
            LongAdder made = new LongAdder();
            count = counts.putIfAbsent(code, made);
            if (count == null) {
                count = made;
                count.increment(); // before the publisher hears of it, so its first reading is never 0
                firstSeen.accept(code);
                return;
            }
        }
        count.increment();
    }

    /** The count for {@code code}, 0 when never seen. */
    long count(int code) {
        LongAdder count = counts.get(code);
        return count == null ? 0 : count.sum();
    }

    /** Every code seen so far with its count, in ascending order of code. */
    Map<Integer, Long> snapshot() {
        Map<Integer, Long> out = new TreeMap<>();
        counts.forEach((code, count) -> out.put(code, count.sum()));
        return out;
    }
}
