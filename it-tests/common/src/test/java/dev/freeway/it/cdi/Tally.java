package dev.freeway.it.cdi;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counts what the application's beans live through, for {@link CountsEndpoint} to report. */
@ApplicationScoped
public class Tally {
    private final Map<String, Integer> counts = new TreeMap<>();
    private final AtomicLong ids = new AtomicLong();

    public synchronized void count(String event) {
        counts.merge(event, 1, Integer::sum);
    }

    public synchronized int get(String event) {
        return counts.getOrDefault(event, 0);
    }

    public long nextId() {
        return ids.incrementAndGet();
    }
}
