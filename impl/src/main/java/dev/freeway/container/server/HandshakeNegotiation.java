package dev.freeway.container.server;

import dev.freeway.container.session.ConnectionEndpointConfig;
import dev.freeway.engine.AcceptConnection;
import dev.freeway.engine.DeflateSettings;
import dev.freeway.engine.ExtensionOffer;
import dev.freeway.engine.PerMessageDeflate;
import dev.freeway.engine.Request;
import dev.freeway.engine.ServerHandshake;
import jakarta.websocket.Extension;
import jakarta.websocket.server.ServerEndpointConfig;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The server's decision on a handshake for a deployed endpoint, between "a valid handshake
 * request for a registered path arrived" and "write the 101, or refuse": the configurator's origin
 * check, subprotocol and extension negotiation, and {@code modifyHandshake} (Jakarta WebSocket
 * 2.2 sections 3.1.2 to 3.1.5, in the order the javadoc of {@code modifyHandshake} gives).
 * Transport-neutral, immutable and thread-safe: one instance serves every handshake.
 *
 * <p><b>Extensions.</b> Freeway runs one extension, permessage-deflate. It is installed when the
 * container's {@link DeflateSettings} enable it, or when the endpoint's config lists it (an
 * endpoint may opt in where the container's default is off; its parameters in the config are not
 * used). Whatever else a config lists or a configurator returns is dropped, since no code would
 * run it. When the configurator keeps permessage-deflate, the engine chooses among the client's
 * permessage-deflate offers and declines those it cannot honour; the connection then runs
 * without it.
 *
 * <p><b>Failures.</b> When {@code checkOrigin} says no, the outcome is a 403. When configurator
 * code throws, or returns or sets something the handshake cannot send (a subprotocol the client
 * did not offer, a changed {@code Sec-WebSocket-Accept} ...), the outcome is a 500 whose message
 * names the configurator class and method; the details are logged, not sent.
 */
public final class HandshakeNegotiation {
    /** The extensions Freeway can run, by name. */
    static final List<String> RUNNABLE_EXTENSIONS = List.of(PerMessageDeflate.EXTENSION_NAME);

    private static final System.Logger LOG = System.getLogger(HandshakeNegotiation.class.getName());

    private final DeflateSettings deflate;
    /** The same settings enabled, for endpoints that list permessage-deflate themselves. */
    private final DeflateSettings deflateOptIn;
    /** Which configurator code runs: see {@link ConfiguratorRouting}; also for a null configurator. */
    private final ConfiguratorRouting routing;

    /** @param deflate the container's permessage-deflate policy */
    public HandshakeNegotiation(DeflateSettings deflate) {
        this(deflate, new ConfiguratorRouting());
    }

    public HandshakeNegotiation(DeflateSettings deflate, ConfiguratorRouting routing) {
        this.routing = Objects.requireNonNull(routing, "routing");
        this.deflate = Objects.requireNonNull(deflate, "deflate");
        this.deflateOptIn = deflate.enabled() ? deflate : deflate.toBuilder().enabled(true).build();
    }

    /** Whether Freeway implements the extension called {@code name}. */
    static boolean canRun(String name) {
        return RUNNABLE_EXTENSIONS.contains(name);
    }

    /** As {@link #negotiate(Request, ServerEndpointConfig, Map, FreewayHandshakeRequest)} for a registry match. */
    public HandshakeOutcome negotiate(Request request, EndpointRegistry.Match match, FreewayHandshakeRequest handshakeRequest) {
        return negotiate(request, match.config(), match.pathParameters(), handshakeRequest);
    }

    /**
     * Decides on a handshake.
     *
     * @param request          the engine's request, already checked by
     *                         {@link ServerHandshake#validate}
     * @param config           the endpoint the request's path matched
     * @param pathParameters   the decoded path parameters of that match
     * @param received         the same request as the application sees it, except that the path
     *                         parameters join its parameters here
     * @return {@link HandshakeOutcome.Accepted} with what to send and what the session needs, or
     *         {@link HandshakeOutcome.Rejected} with the status and message to refuse with
     */
    public HandshakeOutcome negotiate(Request request, ServerEndpointConfig config, Map<String, String> pathParameters,
                                      FreewayHandshakeRequest received) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(config, "config");
        FreewayHandshakeRequest handshakeRequest = Objects.requireNonNull(received, "handshakeRequest")
                .withPathParameters(pathParameters);
        ServerEndpointConfig.Configurator configured = config.getConfigurator();
        ServerEndpointConfig.Configurator configurator = routing.route(configured);
        Step step = new Step(config, configured != null ? configured : configurator);
        try {
            String origin = request.headers().first("Origin");
            if (!step.call("checkOrigin", () -> configurator.checkOrigin(origin))) {
                return new HandshakeOutcome.Rejected(403, (origin == null ? "a request without an Origin header"
                        : "origin '" + origin + "'") + " is not allowed by " + step.name() + ".checkOrigin", null);
            }
            String subprotocol = subprotocol(request, config, configurator, step);
            List<ExtensionOffer> agreed = extensions(request, config, configurator, step);

            ServerEndpointConfig connectionConfig = new ConnectionEndpointConfig(config);
            String key = request.headers().first("Sec-WebSocket-Key");
            String acceptValue = key == null ? null : ServerHandshake.acceptValue(key);
            FreewayHandshakeResponse response = NegotiatedResponse.prefilled(acceptValue, subprotocol, agreed);
            step.call("modifyHandshake", () -> {
                configurator.modifyHandshake(connectionConfig, handshakeRequest, response);
                return null;
            });
            NegotiatedResponse.Result result = step.check("modifyHandshake",
                    () -> NegotiatedResponse.read(response, request, acceptValue, agreed));

            List<Extension> extensions = new ArrayList<>();
            result.extensions().forEach(e -> extensions.add(FreewayExtension.from(e)));
            AcceptConnection accept = new AcceptConnection(result.subprotocol(), result.extensions(), result.extraHeaders());
            return new HandshakeOutcome.Accepted(accept, result.subprotocol() == null ? "" : result.subprotocol(),
                    extensions, connectionConfig, pathParameters == null ? Map.of() : pathParameters, handshakeRequest);
        } catch (ConfiguratorFailure f) {
            return f.outcome;
        }
    }

    private static String subprotocol(Request request, ServerEndpointConfig config,
                                      ServerEndpointConfig.Configurator configurator, Step step) {
        List<String> supported = config.getSubprotocols() == null ? List.of() : config.getSubprotocols();
        String chosen = step.call("getNegotiatedSubprotocol",
                () -> configurator.getNegotiatedSubprotocol(supported, request.subprotocols()));
        if (chosen == null || chosen.isEmpty()) {
            return null;
        }
        return step.check("getNegotiatedSubprotocol", () -> {
            if (!request.subprotocols().contains(chosen)) {
                throw new IllegalStateException("it returned '" + chosen + "', which the client did not offer (offered: "
                        + request.subprotocols() + ")");
            }
            return chosen;
        });
    }

    /** The agreed extensions with the engine's response parameters; only permessage-deflate can be among them. */
    private List<ExtensionOffer> extensions(Request request, ServerEndpointConfig config,
                                            ServerEndpointConfig.Configurator configurator, Step step) {
        boolean optIn = listsDeflate(config.getExtensions());
        List<Extension> installed = installed(config, deflate.enabled() && !optIn);
        List<Extension> chosen = step.call("getNegotiatedExtensions",
                () -> configurator.getNegotiatedExtensions(installed, requested(request)));
        if (!deflate.enabled() && !optIn) {
            return List.of();
        }
        // Of what the configurator chose, only what Freeway runs is agreed; the rest is dropped.
        List<ExtensionOffer> offers = deflateOffers(request, chosen);
        if (offers.isEmpty()) {
            return List.of();
        }
        Optional<PerMessageDeflate.Negotiated> negotiated =
                PerMessageDeflate.negotiate(offers, optIn ? deflateOptIn : deflate);
        return negotiated.map(n -> List.of(n.response())).orElse(List.of());
    }

    private static List<Extension> requested(Request request) {
        List<Extension> out = new ArrayList<>(request.extensions().size());
        request.extensions().forEach(e -> out.add(FreewayExtension.from(e)));
        return out;
    }

    /**
     * The installed extensions the configurator chooses from: the endpoint's own, in its order,
     * then the container's permessage-deflate (unless the endpoint lists it), as Tomcat does and
     * the TCK expects (server.serverendpointconfig.configurator getNegotiatedExtensions tests).
     */
    private static List<Extension> installed(ServerEndpointConfig config, boolean addDeflate) {
        List<Extension> out = new ArrayList<>();
        if (config.getExtensions() != null) {
            for (Extension e : config.getExtensions()) {
                if (e != null) {
                    out.add(e);
                }
            }
        }
        if (addDeflate) {
            out.add(FreewayExtension.of(PerMessageDeflate.EXTENSION_NAME));
        }
        return java.util.Collections.unmodifiableList(out);
    }

    private static boolean listsDeflate(List<Extension> extensions) {
        if (extensions != null) {
            for (Extension e : extensions) {
                if (e != null && PerMessageDeflate.EXTENSION_NAME.equals(e.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The client's permessage-deflate offers to negotiate over: those the configurator returned
     * as they were offered, or all of them when it returned permessage-deflate in another form
     * (the installed, parameterless one, say) — the engine must see the client's real parameters
     * to answer them correctly (RFC 7692 section 7.1).
     */
    private static List<ExtensionOffer> deflateOffers(Request request, List<Extension> chosen) {
        List<ExtensionOffer> clientOffers = new ArrayList<>();
        for (ExtensionOffer o : request.extensions()) {
            if (PerMessageDeflate.isPerMessageDeflate(o)) {
                clientOffers.add(o);
            }
        }
        List<ExtensionOffer> picked = new ArrayList<>();
        boolean deflateChosen = false;
        if (chosen != null) {
            for (Extension e : chosen) {
                if (e == null || !PerMessageDeflate.EXTENSION_NAME.equals(e.getName())) {
                    continue;
                }
                deflateChosen = true;
                ExtensionOffer asOffer = asOfferOrNull(e);
                if (asOffer != null && clientOffers.contains(asOffer) && !picked.contains(asOffer)) {
                    picked.add(asOffer);
                }
            }
        }
        if (!deflateChosen) {
            return List.of();
        }
        return picked.isEmpty() ? clientOffers : picked;
    }

    private static ExtensionOffer asOfferOrNull(Extension e) {
        try {
            return FreewayExtension.toOffer(e);
        } catch (RuntimeException malformed) {
            return null;
        }
    }

    /** Calls into configurator code on behalf of one handshake, turning failures into a 500. */
    private static final class Step {
        private final ServerEndpointConfig config;
        private final ServerEndpointConfig.Configurator configurator;

        Step(ServerEndpointConfig config, ServerEndpointConfig.Configurator configurator) {
            this.config = config;
            this.configurator = configurator;
        }

        String name() {
            return configurator.getClass().getName();
        }

        /** Runs configurator code; whatever it throws fails the handshake. */
        <T> T call(String method, Supplier<T> code) {
            try {
                return code.get();
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable t) {
                throw fail(method, "threw " + t, t);
            }
        }

        /** Checks what configurator code produced; an IllegalStateException says what is wrong with it. */
        <T> T check(String method, Supplier<T> check) {
            try {
                return check.get();
            } catch (IllegalStateException e) {
                throw fail(method, e.getMessage(), e);
            }
        }

        private ConfiguratorFailure fail(String method, String what, Throwable cause) {
            String endpoint = config.getEndpointClass() == null ? "?" : config.getEndpointClass().getName();
            LOG.log(Level.ERROR, "handshake for " + endpoint + " at '" + config.getPath() + "' refused with 500: "
                    + name() + "." + method + " " + what, cause);
            return new ConfiguratorFailure(new HandshakeOutcome.Rejected(500,
                    "the endpoint's configurator " + name() + " failed in " + method + "; the server log has the details",
                    cause));
        }
    }

    /** Carries a 500 out of the steps; never escapes this class. */
    private static final class ConfiguratorFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient HandshakeOutcome.Rejected outcome;

        ConfiguratorFailure(HandshakeOutcome.Rejected outcome) {
            super(outcome.message(), null, false, false);
            this.outcome = outcome;
        }
    }
}
