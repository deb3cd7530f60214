package dev.freeway.cdi;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The endpoint instances CDI made that are still in use, so that the application stopping
 * destroys those whose sessions have not closed by then. Each release runs once, whoever comes
 * first: the session closing or CDI shutting down.
 */
final class LiveEndpoints {
    private static final System.Logger LOG = System.getLogger(LiveEndpoints.class.getName());

    private final Set<Release> live = ConcurrentHashMap.newKeySet();

    /** Tracks an instance until the returned release runs; {@code destroy} runs once at most. */
    Runnable track(Runnable destroy) {
        Release release = new Release(destroy);
        live.add(release);
        return release;
    }

    /** Destroys every instance still in use; one that fails to die does not keep the others alive. */
    void releaseAll() {
        for (Release r : live) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "destroying a WebSocket endpoint instance failed", e);
            }
        }
    }

    private final class Release implements Runnable {
        private final Runnable destroy;
        private final AtomicBoolean done = new AtomicBoolean();

        Release(Runnable destroy) {
            this.destroy = destroy;
        }

        @Override
        public void run() {
            if (done.compareAndSet(false, true)) {
                live.remove(this);
                destroy.run();
            }
        }
    }
}
