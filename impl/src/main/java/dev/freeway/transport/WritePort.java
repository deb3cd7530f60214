package dev.freeway.transport;

import java.nio.ByteBuffer;

/**
 * The one thing a transport must do for a {@link WriteQueue}: start writing buffers, and say when
 * they are written or failed.
 *
 * <p>The queue calls {@link #write} for one batch at a time and never again before that batch has
 * reported, so a port needs no queue and no lock of its own for writing. How the write is started
 * (a gathering socket write, Jetty's {@code EndPoint.write}, a Servlet output stream) and how
 * readiness or completion is signalled (a selector, a container callback) stay the transport's.
 */
@FunctionalInterface
public interface WritePort {

    /**
     * Starts writing all of {@code buffers}, in order; reports exactly once through
     * {@link WriteBatch#succeeded()} or {@link WriteBatch#failed(Throwable)}, on this thread before
     * returning (a write finished at once) or later on any thread. Throwing counts as a failure.
     */
    void write(ByteBuffer[] buffers, WriteBatch batch);
}
