package dev.freeway.cdi;

import dev.freeway.container.endpoint.EndpointFactory;
import dev.freeway.container.endpoint.EndpointInstance;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Endpoint instances from CDI (see {@link EndpointMaker} for what each kind of class gets), for
 * endpoints whose configurator leaves instances to the default. Without CDI it declines, and the
 * configurator creates them as usual.
 */
final class CdiEndpointFactory implements EndpointFactory {
    private final CdiBridge bridge;
    /** Per application, like the endpoint classes it holds. */
    private final Map<Class<?>, EndpointMaker> makers = new ConcurrentHashMap<>();

    CdiEndpointFactory(CdiBridge bridge) {
        this.bridge = bridge;
    }

    @Override
    public EndpointInstance create(Class<?> endpointClass) throws InstantiationException {
        CdiRuntime cdi = bridge.runtime();
        if (cdi == null || cdi.extension().isShutDown()) {
            return null;
        }
        try {
            return makers.computeIfAbsent(endpointClass,
                    type -> EndpointMaker.of(cdi.beanManager(), type, cdi.extension().endpoints())).make();
        } catch (RuntimeException e) {
            InstantiationException failure = new InstantiationException("CDI could not create the endpoint "
                    + endpointClass.getName() + ": " + e);
            failure.initCause(e);
            throw failure;
        }
    }
}
