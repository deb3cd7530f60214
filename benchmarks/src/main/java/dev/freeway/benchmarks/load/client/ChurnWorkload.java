package dev.freeway.benchmarks.load.client;

import java.nio.ByteBuffer;

/**
 * Connection churn: each of a fixed number of slots opens a connection, closes it with the close
 * handshake as soon as it is open, and once the server's close frame is back opens the next.
 */
public final class ChurnWorkload extends Workload {
    private static final ByteBuffer CLOSE = ClientFrames.close();
    private final EventLoop loop;
    private final String path;
    private boolean measuring;
    private boolean stopped;
    private long cycles;

    public ChurnWorkload(EventLoop loop, String path) {
        this.loop = loop;
        this.path = path;
    }

    @Override
    public void onOpen(LoadConnection connection) {
        connection.send(CLOSE);
    }

    @Override
    public void onCloseFrame(LoadConnection connection) {
        connection.close();
        if (measuring) {
            cycles++;
        }
        if (!stopped) {
            loop.connect(path, false, this);
        }
    }

    /** Loop thread. */
    public void startMeasuring() {
        cycles = 0;
        measuring = true;
    }

    /** Stops opening connections; returns the cycles completed while measuring. Loop thread. */
    public long stop() {
        measuring = false;
        stopped = true;
        return cycles;
    }
}
