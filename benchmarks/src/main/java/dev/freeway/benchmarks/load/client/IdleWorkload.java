package dev.freeway.benchmarks.load.client;

/** Opens connections and leaves them idle. */
public final class IdleWorkload extends Workload {
    private int open;

    @Override
    public void onOpen(LoadConnection connection) {
        open++;
    }

    /** Connections whose handshake succeeded. Loop thread. */
    public int open() {
        return open;
    }
}
