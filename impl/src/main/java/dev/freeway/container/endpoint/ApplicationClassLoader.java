package dev.freeway.container.endpoint;

import dev.freeway.container.FreewayServerContainer;
import jakarta.websocket.Session;

/**
 * Makes the deploying application's class loader the thread's context class loader around every
 * callback of a server session. Callbacks run on Freeway's own executor (and on container threads
 * that may carry another loader), yet application code expects its web application's loader
 * there: {@code ContainerProvider.getWebSocketContainer()} and every other {@code ServiceLoader}
 * look-up use it (TCK containerprovider.metainf getWebSocketContainerOnServerTest). The
 * outermost interceptor of a {@link FreewayServerContainer}.
 */
public final class ApplicationClassLoader implements SessionInterceptor {
    private final ClassLoader loader;

    public ApplicationClassLoader(ClassLoader loader) {
        this.loader = java.util.Objects.requireNonNull(loader, "loader");
    }

    @Override
    public void around(Session session, Callback callback) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        if (previous == loader) {
            callback.run();
            return;
        }
        thread.setContextClassLoader(loader);
        try {
            callback.run();
        } finally {
            // Executor threads are shared by applications: none keeps another's loader.
            thread.setContextClassLoader(previous);
        }
    }
}
