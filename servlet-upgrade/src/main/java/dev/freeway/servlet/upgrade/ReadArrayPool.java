package dev.freeway.servlet.upgrade;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Read buffers shared by all connections of a web application: a connection leases one only
 * while bytes move and gives it back before it waits for more, so idle connections hold none.
 * At most {@code maxPooled} free buffers are kept; the rest go to the garbage collector.
 */
public final class ReadArrayPool {
    private final int size;
    private final int maxPooled;
    private final ConcurrentLinkedQueue<byte[]> free = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pooled = new AtomicInteger();

    public ReadArrayPool(int size, int maxPooled) {
        this.size = size;
        this.maxPooled = maxPooled;
    }

    public byte[] lease() {
        byte[] b = free.poll();
        if (b == null) {
            return new byte[size];
        }
        pooled.decrementAndGet();
        return b;
    }

    public void release(byte[] b) {
        if (b != null && b.length == size && pooled.incrementAndGet() <= maxPooled) {
            free.add(b);
        } else if (b != null) {
            pooled.decrementAndGet();
        }
    }
}
