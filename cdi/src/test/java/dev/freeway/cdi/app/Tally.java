package dev.freeway.cdi.app;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts what the beans of the test application live through ("DependentEndpoint.created", ...).
 * The map is handed out live, so a test can still read it after the application and CDI stopped.
 */
@ApplicationScoped
public class Tally {
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    public void count(String event) {
        counts.computeIfAbsent(event, e -> new AtomicInteger()).incrementAndGet();
    }

    /** The live counts, by event. */
    public Map<String, AtomicInteger> counts() {
        return counts;
    }

    /** A number never handed out before in this application. */
    public long nextId() {
        return ids.incrementAndGet();
    }
}
