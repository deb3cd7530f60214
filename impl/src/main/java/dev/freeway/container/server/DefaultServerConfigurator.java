package dev.freeway.container.server;

import jakarta.websocket.Extension;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Freeway's platform default {@link ServerEndpointConfig.Configurator}, the behaviour of Jakarta
 * WebSocket 2.2 sections 3.1.2 to 3.1.7.
 *
 * <p>The API finds it with {@link java.util.ServiceLoader} (it is listed in
 * {@code META-INF/services/jakarta.websocket.server.ServerEndpointConfig$Configurator}): a plain
 * {@code new ServerEndpointConfig.Configurator()}, and every application configurator that does
 * not override a method, delegates to the instance it loads. This class therefore overrides every
 * method and is its own {@link #getContainerDefaultConfigurator() container default}, so it never
 * loads another copy of itself.
 *
 * <p>Thread-safe: the only state is the cache of constructors, a concurrent map kept per instance
 * (endpoint classes belong to the application, so a cache shared across applications would pin
 * their class loaders).
 */
public class DefaultServerConfigurator extends ServerEndpointConfig.Configurator {
    private final ConcurrentMap<Class<?>, NoArgConstructor> constructors = new ConcurrentHashMap<>();

    /** This instance: the default has no default to delegate to. */
    @Override
    public ServerEndpointConfig.Configurator getContainerDefaultConfigurator() {
        return this;
    }

    /**
     * The first subprotocol in the client's list that the endpoint supports, or {@code ""}. The
     * client's order of preference decides, as the javadoc of this method says; section 3.1.2's
     * sentence can be read either way.
     */
    @Override
    public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
        if (supported == null || requested == null) {
            return "";
        }
        for (String candidate : requested) {
            if (candidate != null && supported.contains(candidate)) {
                return candidate;
            }
        }
        return "";
    }

    /**
     * The requested extensions whose name an installed one has, in the client's order, with the
     * client's parameters (section 3.1.3): a client may offer one extension several times with
     * different parameters, and choosing among those is the extension's own negotiation.
     */
    @Override
    public List<Extension> getNegotiatedExtensions(List<Extension> installed, List<Extension> requested) {
        if (installed == null || requested == null) {
            return List.of();
        }
        List<Extension> out = new ArrayList<>();
        for (Extension offer : requested) {
            if (offer != null && isInstalled(offer.getName(), installed)) {
                out.add(offer);
            }
        }
        return Collections.unmodifiableList(out);
    }

    private static boolean isInstalled(String name, List<Extension> installed) {
        for (Extension e : installed) {
            if (e != null && e.getName() != null && e.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Accepts every origin, including a missing one. Origin policy depends on the application
     * (browsers send Origin, other clients need not); an application that serves browsers and
     * uses cookies should check it in its own configurator against cross-site WebSocket hijacking.
     */
    @Override
    public boolean checkOrigin(String originHeaderValue) {
        return true;
    }

    /** Changes nothing (section 3.1.5). */
    @Override
    public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
        // The default formulates the response from the negotiation alone.
    }

    /**
     * A new instance through the public no-argument constructor (section 3.1.7), looked up once
     * per class.
     *
     * @throws InstantiationException naming the class and what is missing, or carrying what the
     *                                constructor threw as its cause
     */
    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) throws InstantiationException {
        if (endpointClass == null) {
            throw new InstantiationException("no endpoint class given");
        }
        NoArgConstructor constructor = constructors.computeIfAbsent(endpointClass, NoArgConstructor::of);
        if (constructor.problem() != null) {
            throw new InstantiationException(endpointClass.getName() + " cannot be created by the default configurator: "
                    + constructor.problem() + ". An endpoint class must be public and concrete with a public "
                    + "no-argument constructor (Jakarta WebSocket 2.2 section 4.1), unless its configurator "
                    + "overrides getEndpointInstance");
        }
        try {
            return endpointClass.cast(constructor.newInstance());
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            InstantiationException e = new InstantiationException(
                    "the constructor of " + endpointClass.getName() + " threw " + t);
            e.initCause(t);
            throw e;
        }
    }
}
