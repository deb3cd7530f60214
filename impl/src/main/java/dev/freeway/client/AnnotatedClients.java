package dev.freeway.client;

import dev.freeway.container.annotated.AnnotatedEndpoint;
import dev.freeway.container.annotated.EndpointModel;
import jakarta.websocket.ClientEndpoint;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;

import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code @ClientEndpoint} classes made ready to connect: each class is read once into an
 * {@link EndpointModel} (invalid classes fail with a {@link DeploymentException} that names the
 * method and the rule), and each connection gets a config from the annotation and an
 * {@link AnnotatedEndpoint} around the instance. One per container.
 */
final class AnnotatedClients {
    private final Map<Class<?>, EndpointModel> models = new ConcurrentHashMap<>();

    /** What a connection of an annotated class runs with. */
    record Prepared(Endpoint endpoint, ClientEndpointConfig config) {
    }

    Prepared prepare(Object instance) throws DeploymentException {
        Class<?> type = instance.getClass();
        ClientEndpoint annotation = annotation(type);
        EndpointModel model = model(type, annotation);
        return new Prepared(new AnnotatedEndpoint(model, instance), config(annotation));
    }

    /** A new instance of an annotated class or an {@link Endpoint} subclass, by its public no-argument constructor. */
    static <T> T instantiate(Class<T> type) throws DeploymentException {
        try {
            return type.getConstructor().newInstance();
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new DeploymentException(type.getName() + " needs a public no-argument constructor for the container to "
                    + "create it", e);
        } catch (InstantiationException e) {
            throw new DeploymentException(type.getName() + " cannot be instantiated (is it abstract?)", e);
        } catch (InvocationTargetException e) {
            throw new DeploymentException("the constructor of " + type.getName() + " threw " + e.getCause(), e.getCause());
        }
    }

    private static ClientEndpoint annotation(Class<?> type) throws DeploymentException {
        ClientEndpoint annotation = type.getAnnotation(ClientEndpoint.class);
        if (annotation == null) {
            throw new DeploymentException(type.getName() + " is not annotated with @ClientEndpoint; pass an Endpoint "
                    + "subclass with a ClientEndpointConfig instead");
        }
        return annotation;
    }

    private EndpointModel model(Class<?> type, ClientEndpoint annotation) throws DeploymentException {
        EndpointModel model = models.get(type);
        if (model == null) {
            model = EndpointModel.build(type, List.of(annotation.decoders()), List.of(annotation.encoders()), false);
            EndpointModel raced = models.putIfAbsent(type, model);
            if (raced != null) {
                return raced; // another thread built it first: every client of the type shares one model
            }
        }
        return model;
    }

    private static ClientEndpointConfig config(ClientEndpoint annotation) throws DeploymentException {
        Class<? extends ClientEndpointConfig.Configurator> configurator = annotation.configurator();
        return ClientEndpointConfig.Builder.create()
                .preferredSubprotocols(List.of(annotation.subprotocols()))
                .decoders(List.of(annotation.decoders()))
                .encoders(List.of(annotation.encoders()))
                .configurator(configurator == ClientEndpointConfig.Configurator.class
                        ? new ClientEndpointConfig.Configurator() : instantiate(configurator))
                .build();
    }
}
