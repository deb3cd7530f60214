package dev.freeway.servlet.jetty;

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
 *
 * <p>On an HTTP/2 stream every report goes to the executor: Jetty completes a stream's writes on
 * the thread that reads the whole HTTP/2 connection (the peer's WINDOW_UPDATE frees them), and the
 * queue completes senders, whose handlers are application code that may block, where it is told.
 */
final class JettyWrites implements WritePort {
    private final EndPoint endPoint;
    private final Executor executor;
    private final boolean dispatchSuccesses;

    /**
     * @param executor          runs the reports of failed writes
     * @param dispatchSuccesses run the reports of completed writes on {@code executor} too (an HTTP/2 stream)
     */
    JettyWrites(EndPoint endPoint, Executor executor, boolean dispatchSuccesses) {
        this.endPoint = endPoint;
        this.executor = executor;
        this.dispatchSuccesses = dispatchSuccesses;
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
            if (dispatchSuccesses) {
                dispatch(batch::succeeded);
            } else {
                batch.succeeded();
            }
        }

        @Override
        public void failed(Throwable error) {
            dispatch(() -> batch.failed(error));
        }

        private void dispatch(Runnable report) {
            try {
                executor.execute(report);
            } catch (RejectedExecutionException e) { // the executor is gone with its application
                report.run();
            }
        }
    }
}
