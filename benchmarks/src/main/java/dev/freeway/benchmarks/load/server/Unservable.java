package dev.freeway.benchmarks.load.server;

/**
 * A server that started but cannot serve the harness's endpoints; the message says why, so the
 * harness can report it against every scenario instead of leaving the server out.
 */
public final class Unservable extends Exception {
    public Unservable(String why) {
        super(why);
    }
}
