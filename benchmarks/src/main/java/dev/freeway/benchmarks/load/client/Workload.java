package dev.freeway.benchmarks.load.client;

/**
 * What a scenario does with its connections. Every method runs on the event loop's thread; the
 * harness reads results through {@link EventLoop#call}.
 */
public abstract class Workload {
    private volatile String failure;

    /** The handshake succeeded. */
    public void onOpen(LoadConnection connection) {
    }

    /** A whole data message arrived; {@code text} holds up to its first 128 bytes when it was text. */
    public void onMessage(LoadConnection connection, long payloadBytes, String text) {
    }

    /** The server sent a close frame. */
    public void onCloseFrame(LoadConnection connection) {
        fail("the server closed a connection (close frame: " + connection.closeReason() + ")");
    }

    /** The connection failed or ended without a close frame. */
    public void onFailure(LoadConnection connection, String reason) {
        fail(reason);
    }

    /** Records the first failure; the scenario then reports it instead of figures. */
    public final void fail(String reason) {
        if (failure == null) {
            failure = reason;
        }
    }

    /** The first failure, or {@code null}. */
    public final String failure() {
        return failure;
    }
}
