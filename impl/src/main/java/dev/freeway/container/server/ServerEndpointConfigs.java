package dev.freeway.container.server;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the {@link ServerEndpointConfig} of an annotated endpoint from its
 * {@link ServerEndpoint @ServerEndpoint} (Jakarta WebSocket 2.2 section 4.1). The methods of the
 * class are validated elsewhere, by the endpoint model.
 */
public final class ServerEndpointConfigs {
    private ServerEndpointConfigs() {
    }

    /**
     * The configuration {@code @ServerEndpoint} declares: path, subprotocols, decoders, encoders,
     * and an instance of its configurator, created here once for the endpoint. Without a
     * configurator class the endpoint gets a new {@link DefaultServerConfigurator} (rather than
     * one found through the thread's context class loader, which need not see Freeway).
     *
     * @throws DeploymentException naming the class and the rule when the class has no
     *                             {@code @ServerEndpoint}, is not public and concrete, its path is
     *                             invalid (section 3.1.1), a subprotocol is not an HTTP token, or
     *                             its configurator cannot be created
     */
    public static ServerEndpointConfig fromAnnotation(Class<?> endpointClass) throws DeploymentException {
        if (endpointClass == null) {
            throw new DeploymentException("no endpoint class given");
        }
        String name = endpointClass.getName();
        ServerEndpoint annotation = endpointClass.getAnnotation(ServerEndpoint.class);
        if (annotation == null) {
            throw new DeploymentException(name + " is not annotated with @" + ServerEndpoint.class.getName()
                    + "; annotate it, or deploy it with a ServerEndpointConfig");
        }
        checkClass(endpointClass);
        try {
            UriTemplate.parse(annotation.value());
        } catch (DeploymentException e) {
            throw new DeploymentException(name + ": @ServerEndpoint " + e.getMessage(), e);
        }
        return ServerEndpointConfig.Builder.create(endpointClass, annotation.value())
                .subprotocols(subprotocols(endpointClass, annotation.subprotocols()))
                .decoders(List.of(annotation.decoders()))
                .encoders(List.of(annotation.encoders()))
                .configurator(configurator(endpointClass, annotation.configurator()))
                .build();
    }

    /**
     * Section 4.1: "The class must be public, concrete, and have a public no-args constructor."
     * The constructor is left to whoever creates instances: the default configurator reports a
     * missing one on the first connection, while a custom configurator or CDI may not need it.
     */
    private static void checkClass(Class<?> c) throws DeploymentException {
        String problem = null;
        int modifiers = c.getModifiers();
        if (c.isInterface() || c.isEnum()) {
            problem = "is not a class";
        } else if (Modifier.isAbstract(modifiers)) {
            problem = "is abstract";
        } else if (c.isMemberClass() && !Modifier.isStatic(modifiers)) {
            problem = "is an inner class; declare it static";
        } else if (c.isAnonymousClass() || c.isLocalClass()) {
            problem = "is a local or anonymous class";
        } else if (!Modifier.isPublic(modifiers)) {
            problem = "is not public";
        }
        if (problem != null) {
            throw new DeploymentException(c.getName() + " " + problem
                    + "; a @ServerEndpoint class must be public and concrete (Jakarta WebSocket 2.2 section 4.1)");
        }
    }

    private static List<String> subprotocols(Class<?> endpointClass, String[] declared) throws DeploymentException {
        List<String> out = new ArrayList<>(declared.length);
        for (String p : declared) {
            if (!HttpTokens.isToken(p)) {
                throw new DeploymentException(endpointClass.getName() + ": @ServerEndpoint subprotocol '" + p
                        + "' is not an HTTP token, so no client can request it (RFC 6455 section 4.1)");
            }
            out.add(p);
        }
        return out;
    }

    private static ServerEndpointConfig.Configurator configurator(
            Class<?> endpointClass, Class<? extends ServerEndpointConfig.Configurator> type) throws DeploymentException {
        if (type == ServerEndpointConfig.Configurator.class) {
            return new DefaultServerConfigurator();
        }
        NoArgConstructor constructor = NoArgConstructor.of(type);
        if (constructor.problem() != null) {
            throw new DeploymentException(endpointClass.getName() + ": @ServerEndpoint configurator " + type.getName()
                    + " cannot be created: " + constructor.problem()
                    + "; a configurator needs to be a public concrete class with a public no-argument constructor");
        }
        try {
            return (ServerEndpointConfig.Configurator) constructor.newInstance();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            throw new DeploymentException(endpointClass.getName() + ": @ServerEndpoint configurator " + type.getName()
                    + " cannot be created: its constructor threw " + t, t);
        }
    }
}
