package dev.freeway.container.endpoint;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;

/**
 * A programmatic endpoint an {@link EndpointFactory} made, whose class may be a proxy (CDI's client
 * proxies and intercepting subclasses override every method). Whether it handles errors is read from
 * the configured endpoint class: asking the proxy would say yes for an endpoint that does not, and
 * its errors would vanish into {@link Endpoint#onError}'s empty body instead of closing with 1011.
 */
public final class FactoryEndpoint extends Endpoint {
    private final Endpoint instance;
    private final boolean handlesErrors;

    public FactoryEndpoint(Class<? extends Endpoint> endpointClass, Endpoint instance) {
        this.instance = instance;
        this.handlesErrors = declaresOnError(endpointClass);
    }

    private static boolean declaresOnError(Class<? extends Endpoint> type) {
        try {
            return type.getMethod("onError", Session.class, Throwable.class).getDeclaringClass() != Endpoint.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    public boolean handlesErrors() {
        return handlesErrors;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        instance.onOpen(session, config);
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        instance.onClose(session, closeReason);
    }

    @Override
    public void onError(Session session, Throwable thrown) {
        instance.onError(session, thrown);
    }

    @Override
    public String toString() {
        return instance.toString();
    }
}
