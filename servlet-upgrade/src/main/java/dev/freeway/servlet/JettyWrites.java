package dev.freeway.servlet;

import dev.freeway.transport.WriteBatch;
import dev.freeway.transport.WritePort;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * How a {@link JettyTransport}'s {@link dev.freeway.transport.WriteQueue} writes: one
 * {@link EndPoint#write} per batch (Jetty allows one at a time, which the queue guarantees).
 *
 * <p>Which thread reports (the queue then completes the senders there and goes on writing):
 * <ul>
 * <li>a write the socket takes at once: the writing thread, inside Jetty's {@code write};</li>
 * <li>a write Jetty finishes later: the thread Jetty finishes it on. The callback is of the blocking
 *     kind (Jetty's default), so Jetty runs it on a pool thread, never on a selector busy selecting;</li>
 * <li>a failed write: the executor, since Jetty fails writes on whatever thread closes the
 *     endpoint, which may be the session's own, inside its locks.</li>
 * </ul>
 * No write ever needs the thread that is reading: a blocking send from inside {@code @OnMessage}
 * (which runs on a Jetty thread, see {@link JettyTransport}) waits for a completion another thread
 * brings.
 */
final class JettyWrites implements WritePort {
    private final EndPoint endPoint;
    private final Executor executor;

    /** @param executor runs the reports of failed writes */
    JettyWrites(EndPoint endPoint, Executor executor) {
        this.endPoint = endPoint;
        this.executor = executor;
    }

    @Override
    public void write(ByteBuffer[] buffers, WriteBatch batch) {
        endPoint.write(new Report(batch), buffers);
    }

    /** Passes Jetty's verdict on one batch to the queue. */
    private final class Report implements Callback {
        private final WriteBatch batch;

        Report(WriteBatch batch) {
            this.batch = batch;
        }

        @Override
        public void succeeded() {
            batch.succeeded();
        }

        @Override
        public void failed(Throwable error) {
            Runnable fail = () -> batch.failed(error);
            try {
                executor.execute(fail);
            } catch (RejectedExecutionException e) { // the executor is gone with its application
                fail.run();
            }
        }
    }
}
