package dev.freeway.container.endpoint;

/**
 * An endpoint instance made by an {@link EndpointFactory} for one connection, and what to do when
 * that connection no longer needs it.
 */
public interface EndpointInstance {
    /** The endpoint object: an instance of the endpoint class or of a subclass. */
    Object get();

    /**
     * Called once: after the session's {@code onClose}, inside {@link SessionInterceptor#around} so
     * the release sees what the callbacks saw, or as soon as it is known that the session will
     * never open (the upgrade failed). A shared instance may do nothing here.
     */
    void release();
}
