package dev.freeway.container.server;

import dev.freeway.container.endpoint.EndpointFactory;
import dev.freeway.container.endpoint.EndpointInstance;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Where a connection's endpoint instance comes from: the container's {@link EndpointFactory} when
 * one is installed and the configurator leaves instances to the default, else the configurator.
 *
 * <p>Whether a configurator overrides {@code getEndpointInstance} is looked up once per configurator
 * class, by {@link ConfiguratorRouting}.
 */
public final class EndpointInstances {
    /** The release of instances nobody manages. */
    private static final Runnable NOTHING = () -> { };

    private final ConfiguratorRouting routing;
    private volatile EndpointFactory factory;

    public EndpointInstances(ConfiguratorRouting routing) {
        this.routing = routing;
    }

    /**
     * An endpoint object for one connection and its release, to run exactly once.
     *
     * @param fromFactory whether the factory made it, so its class may be a proxy of the endpoint class
     */
    public record Made(Object instance, Runnable release, boolean fromFactory) {
    }

    public void factory(EndpointFactory factory) {
        this.factory = factory;
    }

    /**
     * Creates the instance for one connection of {@code config}.
     *
     * @throws InstantiationException from the factory or the configurator
     */
    public Made create(ServerEndpointConfig config) throws InstantiationException {
        Class<?> type = config.getEndpointClass();
        ServerEndpointConfig.Configurator configurator = config.getConfigurator();
        EndpointFactory f = factory;
        if (f != null && (configurator == null || routing.inheritsEndpointInstance(configurator.getClass()))) {
            EndpointInstance made = f.create(type);
            if (made != null) {
                Object instance = made.get();
                if (!type.isInstance(instance)) {
                    made.release();
                    throw new InstantiationException(f.getClass().getName() + " made " + instance
                            + ", which is not a " + type.getName());
                }
                return new Made(instance, once(made), true);
            }
        }
        return new Made(routing.route(configurator).getEndpointInstance(type), NOTHING, false);
    }

    private static Runnable once(EndpointInstance made) {
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                made.release();
            }
        };
    }
}
