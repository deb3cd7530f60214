package dev.freeway.container.server;

import jakarta.websocket.Extension;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig.Configurator;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calls an application's configurator so that every method it does not override runs Freeway's
 * default of this container, never the API's shared one.
 *
 * <p>Why: the API's {@link Configurator} sends each method a subclass leaves alone to
 * {@code getContainerDefaultConfigurator()}, which the API looks up once with
 * {@link java.util.ServiceLoader} and keeps in a static field. Where the API jar sits on the
 * server's class path (Tomcat's {@code lib/}, Jetty), that instance is the first web
 * application's Freeway, shared by every other application, and it fails with
 * {@code NoClassDefFoundError} once that first application has been undeployed. So which methods
 * a configurator class overrides is decided once per class (the map is per container:
 * configurator classes belong to the application), and the others go straight to this
 * container's {@link DefaultServerConfigurator}. A configurator that calls {@code super} from an
 * override still reaches the API's default; that path only the API can fix.
 */
public final class ConfiguratorRouting {
    private final DefaultServerConfigurator defaults = new DefaultServerConfigurator();
    private final Map<Class<?>, Overrides> overrides = new ConcurrentHashMap<>();

    /** This container's default configurator. */
    DefaultServerConfigurator defaults() {
        return defaults;
    }

    /**
     * The configurator to call for {@code configured}: itself when it overrides every method (or is
     * Freeway's default), the container default for {@code null}, else one that sends each
     * inherited method to the container default.
     */
    Configurator route(Configurator configured) {
        if (configured == null) {
            return defaults;
        }
        if (configured instanceof DefaultServerConfigurator) {
            return configured;
        }
        Overrides o = overridesOf(configured.getClass());
        return o.all() ? configured : new Routed(configured, o, defaults);
    }

    /** Whether {@code type} leaves {@code getEndpointInstance} to the default (the API's or Freeway's). */
    boolean inheritsEndpointInstance(Class<? extends Configurator> type) {
        return !overridesOf(type).endpointInstance();
    }

    private Overrides overridesOf(Class<? extends Configurator> type) {
        return overrides.computeIfAbsent(type, t -> new Overrides(
                overrides(t, "checkOrigin", String.class),
                overrides(t, "getNegotiatedSubprotocol", List.class, List.class),
                overrides(t, "getNegotiatedExtensions", List.class, List.class),
                overrides(t, "modifyHandshake", ServerEndpointConfig.class, HandshakeRequest.class, HandshakeResponse.class),
                overrides(t, "getEndpointInstance", Class.class)));
    }

    private static boolean overrides(Class<?> type, String name, Class<?>... parameters) {
        try {
            Class<?> declaring = type.getMethod(name, parameters).getDeclaringClass();
            return declaring != Configurator.class && declaring != DefaultServerConfigurator.class;
        } catch (NoSuchMethodException e) {
            throw new AssertionError("every configurator has " + name, e);
        }
    }

    /** Which of the five configurator methods a class overrides. */
    private record Overrides(boolean origin, boolean subprotocol, boolean extensions, boolean handshake,
                             boolean endpointInstance) {
        boolean all() {
            return origin && subprotocol && extensions && handshake && endpointInstance;
        }
    }

    /** The application's configurator where it overrides, the container default elsewhere. */
    private static final class Routed extends Configurator {
        private final Configurator application;
        private final Overrides overrides;
        private final DefaultServerConfigurator defaults;

        Routed(Configurator application, Overrides overrides, DefaultServerConfigurator defaults) {
            this.application = application;
            this.overrides = overrides;
            this.defaults = defaults;
        }

        @Override
        public Configurator getContainerDefaultConfigurator() {
            return defaults;
        }

        @Override
        public boolean checkOrigin(String originHeaderValue) {
            return (overrides.origin() ? application : defaults).checkOrigin(originHeaderValue);
        }

        @Override
        public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
            return (overrides.subprotocol() ? application : defaults).getNegotiatedSubprotocol(supported, requested);
        }

        @Override
        public List<Extension> getNegotiatedExtensions(List<Extension> installed, List<Extension> requested) {
            return (overrides.extensions() ? application : defaults).getNegotiatedExtensions(installed, requested);
        }

        @Override
        public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
            (overrides.handshake() ? application : defaults).modifyHandshake(sec, request, response);
        }

        @Override
        public <T> T getEndpointInstance(Class<T> endpointClass) throws InstantiationException {
            return (overrides.endpointInstance() ? application : defaults).getEndpointInstance(endpointClass);
        }
    }
}
