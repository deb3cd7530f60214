package dev.freeway.cdi;

import dev.freeway.container.endpoint.SessionInterceptor;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Runs callbacks in a fresh request context, through CDI's {@link RequestContextController}: a
 * context is activated for the call when none is active, and its beans are destroyed when the call
 * returns; inside an active one (a callback within a callback, or the HTTP request of the
 * handshake) that one is used.
 *
 * <p>A controller remembers whether it activated the context, so one must not serve two threads at
 * once; creating one per callback would cost a bean lookup each time. Idle controllers wait in a
 * pool instead, as many as callbacks ever ran at once, and nothing per callback is looked up or
 * reflected on.
 */
final class RequestContexts {
    private final Instance<RequestContextController> controllers;
    private final Queue<RequestContextController> idle = new ConcurrentLinkedQueue<>();

    RequestContexts(Instance<RequestContextController> controllers) {
        this.controllers = controllers;
    }

    void run(SessionInterceptor.Callback callback) throws Exception {
        RequestContextController controller = idle.poll();
        if (controller == null) {
            controller = controllers.get();
        }
        boolean activated = controller.activate();
        try {
            callback.run();
        } finally {
            try {
                if (activated) {
                    controller.deactivate();
                }
            } finally {
                idle.offer(controller);
            }
        }
    }
}
