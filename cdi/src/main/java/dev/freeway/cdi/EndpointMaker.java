package dev.freeway.cdi;

import dev.freeway.container.endpoint.EndpointInstance;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Unmanaged;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * How CDI makes the instances of one endpoint class, decided once per class:
 * <ul>
 *   <li>the class is a {@code @Dependent} bean: a new instance per connection, destroyed (its
 *       {@code @PreDestroy}, its own dependents) when the session closes;</li>
 *   <li>the class is a bean of another scope: its contextual reference, the scope deciding what is
 *       shared ({@code @ApplicationScoped}: one instance for all; {@link WebSocketSessionScoped}: one
 *       per connection, destroyed with the session's beans); nothing to destroy per connection;</li>
 *   <li>the class is not a bean (say, a bean archive with {@code bean-discovery-mode="annotated"}
 *       and no bean-defining annotation on it): a non-contextual instance per connection, which CDI
 *       still injects and intercepts, destroyed when the session closes.</li>
 * </ul>
 * Only a bean whose bean class is the endpoint class counts: a subclass that is a bean of its own
 * is another endpoint, not this one.
 */
interface EndpointMaker {
    /** One connection's instance. */
    EndpointInstance make();

    static EndpointMaker of(BeanManager bm, Class<?> type, LiveEndpoints live) {
        Set<Bean<?>> own = bm.getBeans(type).stream().filter(b -> b.getBeanClass() == type).collect(Collectors.toSet());
        if (own.isEmpty()) {
            return new NonContextual<>(new Unmanaged<>(bm, type), live);
        }
        Bean<?> bean = bm.resolve(own);
        if (bean.getScope() == Dependent.class) {
            return new PerConnection<>(bm, bean, type, live);
        }
        return () -> shared(bm.getReference(bean, type, bm.createCreationalContext(bean)));
    }

    private static EndpointInstance shared(Object reference) {
        return new EndpointInstance() {
            @Override
            public Object get() {
                return reference;
            }

            @Override
            public void release() {
                // The scope owns the instance.
            }
        };
    }

    /** A {@code @Dependent} bean: created per connection, destroyed with its creational context. */
    final class PerConnection<T> implements EndpointMaker {
        private final BeanManager bm;
        private final Bean<T> bean;
        private final Class<?> type;
        private final LiveEndpoints live;

        @SuppressWarnings("unchecked")
        PerConnection(BeanManager bm, Bean<?> bean, Class<?> type, LiveEndpoints live) {
            this.bm = bm;
            this.bean = (Bean<T>) bean;
            this.type = type;
            this.live = live;
        }

        @Override
        @SuppressWarnings("unchecked")
        public EndpointInstance make() {
            CreationalContext<T> creational = bm.createCreationalContext(bean);
            T instance = (T) bm.getReference(bean, type, creational);
            return owned(instance, live.track(() -> bean.destroy(instance, creational)));
        }
    }

    /** Not a bean: a non-contextual instance, injected and intercepted all the same. */
    final class NonContextual<T> implements EndpointMaker {
        private final Unmanaged<T> unmanaged;
        private final LiveEndpoints live;

        NonContextual(Unmanaged<T> unmanaged, LiveEndpoints live) {
            this.unmanaged = unmanaged;
            this.live = live;
        }

        @Override
        public EndpointInstance make() {
            Unmanaged.UnmanagedInstance<T> instance = unmanaged.newInstance().produce().inject().postConstruct();
            return owned(instance.get(), live.track(() -> instance.preDestroy().dispose()));
        }
    }

    private static EndpointInstance owned(Object instance, Runnable release) {
        return new EndpointInstance() {
            @Override
            public Object get() {
                return instance;
            }

            @Override
            public void release() {
                release.run();
            }
        };
    }
}
