package dev.freeway.client;

import dev.freeway.container.ContainerDefaults;
import dev.freeway.container.runtime.DefaultsContainer;
import dev.freeway.container.runtime.ContainerResources;
import dev.freeway.container.server.FreewayExtension;
import dev.freeway.container.server.FreewayHandshakeRequest;
import dev.freeway.container.session.SessionContext;
import dev.freeway.container.session.WsSession;
import dev.freeway.engine.Connection;
import dev.freeway.engine.DeflateSettings;
import dev.freeway.engine.EngineConfig;
import dev.freeway.engine.ExtensionOffer;
import dev.freeway.engine.PerMessageDeflate;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.Extension;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;

/**
 * Freeway's client {@link WebSocketContainer}: {@code ws://} and {@code wss://} connections on
 * java.nio, with every session running Freeway's container (the same message, handler, send and
 * limit semantics as on the server; frames masked by the client-role engine).
 *
 * <p><b>Threads.</b> One selector thread does all socket and TLS I/O for every connection of the
 * container; handlers, listener calls and write completions run on the container's shared
 * executor (a cached pool of daemon threads), in order per connection; one timer thread sweeps
 * idle sessions. No thread per connection. {@link #close()} stops them all; all are daemons, so a
 * container nobody closes does not keep the JVM from exiting.
 *
 * <p><b>Settings</b> beyond {@link WebSocketContainer}'s, read when a connection starts:
 * <ul>
 *   <li>{@link #setConnectTimeout} (TCP connect, default 10 s) and {@link #setHandshakeTimeout}
 *       (proxy tunnel, TLS and the WebSocket handshake together, default 10 s);</li>
 *   <li>TLS: the {@code SSLContext} of the endpoint's {@code ClientEndpointConfig}
 *       ({@code ClientEndpointConfig.Builder.sslContext}) if set, else {@link #setSslContext},
 *       else the JDK's default (its default trust store). Host names are verified (HTTPS rules,
 *       {@code SSLParameters.setEndpointIdentificationAlgorithm("HTTPS")}) and sent as SNI,
 *       unless {@link #setHostnameVerification(boolean)} turns verification off;</li>
 *   <li>{@link #setProxy(String)}: an HTTP proxy all connections tunnel through with
 *       {@code CONNECT};</li>
 *   <li>{@link #setOfferPerMessageDeflate(boolean)}: whether connections whose config lists no
 *       extensions (annotated endpoints have no way to list any) offer permessage-deflate. A
 *       config listing {@code permessage-deflate} always offers it, with the parameters it carries
 *       ({@code client_max_window_bits=N}, {@code server_max_window_bits=N}, the two
 *       {@code *_no_context_takeover}), which the connection then honours. The offer has
 *       {@code client_max_window_bits} whenever JZlib is on the class path, so a server may pick
 *       our window (8-15 bits); a response with a window we cannot honour fails the handshake.</li>
 * </ul>
 *
 * <p><b>Errors.</b> A refused handshake throws {@link HandshakeRejectedException} (a
 * {@link DeploymentException}) naming the HTTP status and the first line of the response body;
 * network failures throw {@link IOException}s saying what failed where (refused, timed out,
 * unknown host, TLS). A server that closes or vanishes later ends the session through
 * {@code onClose}, with 1006 when no close frame came.
 */
public class FreewayClientContainer extends DefaultsContainer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(FreewayClientContainer.class.getName());
    /** Read and TLS buffers: one size, larger than a TLS record, leased only while bytes move. */
    private static final int BUFFER_SIZE = 64 * 1024;
    private static final int POOLED_BUFFERS = 32;

    private final ContainerResources resources;
    private final SelectorLoop loop;
    private final Connector connector;
    private final EngineConfig engineConfig;
    private final DeflateSettings deflate;
    private final AnnotatedClients annotated = new AnnotatedClients();
    private final Map<Class<?>, Set<Session>> sessions = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final String threadPrefix;

    private volatile long connectTimeoutMillis = 10_000;
    private volatile long handshakeTimeoutMillis = 10_000;
    private volatile SSLContext sslContext;
    private volatile boolean verifyHostnames = true;
    private volatile InetSocketAddress proxy;
    private volatile boolean offerPerMessageDeflate;

    /** A container with the standard defaults (see {@link ContainerDefaults#standard()}). */
    public FreewayClientContainer() {
        this(ContainerDefaults.standard(), DeflateSettings.defaults(), EngineConfig.defaults());
    }

    /**
     * @param defaults     what sessions start with (buffer sizes, timeouts, outbound limit)
     * @param deflate      how permessage-deflate is offered and run when a connection asks for it
     * @param engineConfig the engine's settings (pings are always answered by the session)
     */
    public FreewayClientContainer(ContainerDefaults defaults, DeflateSettings deflate, EngineConfig engineConfig) {
        super(defaults);
        this.deflate = deflate;
        this.engineConfig = engineConfig.toBuilder().autoPong(false).build();
        // Thread names tell containers apart: freeway-client@1b2c3d-selector, -worker-N, -timer-1.
        this.threadPrefix = "freeway-client@" + Integer.toHexString(System.identityHashCode(this));
        this.resources = new ContainerResources(threadPrefix);
        this.loop = new SelectorLoop(threadPrefix + "-selector");
        this.connector = new Connector(loop, new LoopBufferPool(BUFFER_SIZE, POOLED_BUFFERS), resources.executor());
    }

    // ---- connecting

    @Override
    public Session connectToServer(Object annotatedEndpointInstance, URI path) throws DeploymentException, IOException {
        AnnotatedClients.Prepared p = annotated.prepare(annotatedEndpointInstance);
        return connect(p.endpoint(), annotatedEndpointInstance.getClass(), p.config(), path);
    }

    @Override
    public Session connectToServer(Class<?> annotatedEndpointClass, URI path) throws DeploymentException, IOException {
        return connectToServer(AnnotatedClients.instantiate(annotatedEndpointClass), path);
    }

    @Override
    public Session connectToServer(Endpoint endpointInstance, ClientEndpointConfig cec, URI path)
            throws DeploymentException, IOException {
        ClientEndpointConfig config = cec != null ? cec : ClientEndpointConfig.Builder.create().build();
        return connect(endpointInstance, endpointInstance.getClass(), config, path);
    }

    @Override
    public Session connectToServer(Class<? extends Endpoint> endpointClass, ClientEndpointConfig cec, URI path)
            throws DeploymentException, IOException {
        return connectToServer(AnnotatedClients.instantiate(endpointClass), cec, path);
    }

    private Session connect(Endpoint endpoint, Class<?> endpointClass, ClientEndpointConfig config, URI uri)
            throws DeploymentException, IOException {
        if (closed.get()) {
            throw new IllegalStateException("this client container is closed");
        }
        ClientUri target = ClientUri.parse(uri);
        DeflateSettings deflateSettings = deflateSettings(config);
        Connection engine = Connection.client(engineConfig, deflateSettings);
        Map<String, List<String>> headers = RequestHeaders.initial(target, config.getPreferredSubprotocols(),
                offers(config, deflateSettings));
        Connector.Opened opened = connector.open(target, config, headers, engine, settings());

        List<Extension> agreed;
        try {
            agreed = runnable(opened.accept().extensions());
        } catch (DeploymentException e) {
            opened.transport().abort();
            throw e;
        }
        boolean deflated = opened.accept().extensions().stream().anyMatch(PerMessageDeflate::isPerMessageDeflate);
        SessionContext context = new SessionContext(Long.toHexString(ids.incrementAndGet()), this, config, uri,
                uri.getRawQuery(), FreewayHandshakeRequest.builder(uri).build().getParameterMap(), Map.of(), null,
                opened.accept().subprotocol(), agreed, target.secure(),
                sessions.computeIfAbsent(endpointClass, c -> ConcurrentHashMap.newKeySet()));
        try {
            return WsSession.open(context, endpoint, engine, deflated, opened.transport(), defaults(), resources);
        } catch (DeploymentException | RuntimeException e) {
            opened.transport().abort();
            throw e;
        }
    }

    /**
     * This connection's permessage-deflate settings: the container's, adjusted by the parameters
     * the config's permessage-deflate extension carries (window bits, context takeover), so the
     * offer says what the application asked for and the connection honours it.
     */
    private DeflateSettings deflateSettings(ClientEndpointConfig config) throws DeploymentException {
        DeflateSettings settings = deflate;
        if (config.getExtensions() != null) {
            for (Extension e : config.getExtensions()) {
                if (e != null && PerMessageDeflate.EXTENSION_NAME.equals(e.getName())) {
                    try {
                        settings = PerMessageDeflate.clientSettings(settings, FreewayExtension.toOffer(e));
                    } catch (IllegalArgumentException invalid) {
                        throw new DeploymentException("the configured permessage-deflate extension is invalid: "
                                + invalid.getMessage(), invalid);
                    }
                }
            }
        }
        return settings;
    }

    /**
     * The extensions to offer: those the config lists, in its order, with permessage-deflate's
     * parameters from this connection's settings; with none listed, permessage-deflate by default
     * (see the class doc). Extensions Freeway cannot run are offered as listed, as the API's default
     * client configuration does (TCK server.serverendpointconfig.configurator getNegotiatedExtensions
     * tests); a server that agrees to one fails the connection (see {@link #runnable}). One that
     * names a parameter twice is left out (TCK clientendpointconfig constructor tests offer such).
     */
    private List<ExtensionOffer> offers(ClientEndpointConfig config, DeflateSettings deflate) {
        List<Extension> asked = config.getExtensions() == null ? List.of() : config.getExtensions();
        if (asked.isEmpty()) {
            return offerPerMessageDeflate ? PerMessageDeflate.offer(deflate).map(List::of).orElse(List.of()) : List.of();
        }
        List<ExtensionOffer> out = new ArrayList<>();
        for (Extension e : asked) {
            if (e == null) {
                continue;
            }
            if (PerMessageDeflate.EXTENSION_NAME.equals(e.getName())) {
                PerMessageDeflate.offer(deflate).ifPresent(out::add);
            } else if (FreewayExtension.repeatsAParameter(e)) {
                // A server drops such an offer element (RFC 7692 5.1 for permessage-deflate; Freeway's
                // server for every extension), and the engine's offer holds one value per name.
                LOG.log(System.Logger.Level.INFO, "extension '" + e.getName() + "' of the client config is not"
                        + " offered: it names a parameter twice");
            } else {
                out.add(FreewayExtension.toOffer(e));
            }
        }
        return out;
    }

    /** The agreed extensions, if Freeway can run them all: nothing else may shape the frames. */
    private static List<Extension> runnable(List<ExtensionOffer> agreed) throws DeploymentException {
        List<Extension> out = new ArrayList<>();
        for (ExtensionOffer e : agreed) {
            if (!PerMessageDeflate.isPerMessageDeflate(e)) {
                throw new DeploymentException("the server agreed to extension '" + e.name()
                        + "', which Freeway's client cannot run");
            }
            out.add(FreewayExtension.from(e));
        }
        return out;
    }

    private ConnectSettings settings() {
        return new ConnectSettings(connectTimeoutMillis, handshakeTimeoutMillis, sslContext, verifyHostnames, proxy);
    }

    // ---- Freeway's settings

    /** How long the TCP connect may take, in milliseconds (default 10 000). */
    public void setConnectTimeout(long millis) {
        this.connectTimeoutMillis = positive("connect timeout", millis);
    }

    public long getConnectTimeout() {
        return connectTimeoutMillis;
    }

    /**
     * How long the rest of opening may take, in milliseconds (default 10 000): the proxy tunnel,
     * the TLS handshake and the WebSocket handshake up to the server's 101.
     */
    public void setHandshakeTimeout(long millis) {
        this.handshakeTimeoutMillis = positive("handshake timeout", millis);
    }

    public long getHandshakeTimeout() {
        return handshakeTimeoutMillis;
    }

    /**
     * The TLS context for {@code wss} connections whose config names none; {@code null} (the
     * default) for the JDK's default context and trust store.
     */
    public void setSslContext(SSLContext context) {
        this.sslContext = context;
    }

    public SSLContext getSslContext() {
        return sslContext;
    }

    /**
     * Whether a {@code wss} server's certificate must match the host name of the URI (default
     * {@code true}). Turning it off accepts any certificate the trust store trusts, for any host:
     * only for tests against hosts without proper names.
     */
    public void setHostnameVerification(boolean verify) {
        this.verifyHostnames = verify;
    }

    public boolean isHostnameVerification() {
        return verifyHostnames;
    }

    /**
     * An HTTP proxy, as {@code host:port} ({@code [::1]:3128} for IPv6), that every connection
     * tunnels through with {@code CONNECT}; {@code null} or empty for direct connections (the
     * default). Proxy authentication is not supported.
     */
    public void setProxy(String hostAndPort) {
        if (hostAndPort == null || hostAndPort.isBlank()) {
            this.proxy = null;
            return;
        }
        int colon = hostAndPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostAndPort.length() - 1) {
            throw new IllegalArgumentException("proxy '" + hostAndPort + "' must be host:port");
        }
        String host = hostAndPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(hostAndPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("proxy '" + hostAndPort + "' has no valid port", e);
        }
        this.proxy = InetSocketAddress.createUnresolved(host, port);
    }

    /** The proxy as {@code host:port}, or {@code null}. */
    public String getProxy() {
        InetSocketAddress p = proxy;
        return p == null ? null : p.getHostString() + ":" + p.getPort();
    }

    /**
     * Whether connections whose config lists no extensions offer permessage-deflate (default
     * {@code false}: compression costs CPU and helps only compressible data).
     */
    public void setOfferPerMessageDeflate(boolean offer) {
        this.offerPerMessageDeflate = offer;
    }

    public boolean isOfferPerMessageDeflate() {
        return offerPerMessageDeflate;
    }

    /** Every open session of this container. */
    public List<Session> openSessions() {
        List<Session> all = new ArrayList<>();
        sessions.values().forEach(all::addAll);
        return all;
    }

    /**
     * Closes every open session with 1001 (going away), waits for the servers to answer (at most the
     * shutdown timeout, {@link ContainerDefaults#shutdownTimeoutMillis()}), drops the connections
     * left, and stops the selector, executor and timer threads. The container cannot
     * connect afterwards.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        CloseReason goingAway = new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "the client is shutting down");
        // The selector stops once the connections are over, and before the workers it hands work to.
        resources.shutdown(goingAway, defaults().shutdownTimeoutMillis(), loop::close);
    }

    /** The prefix of this container's thread names: {@code <prefix>-selector}, {@code <prefix>-worker-N}, {@code <prefix>-timer-1}. */
    public String threadNamePrefix() {
        return threadPrefix;
    }

    // ---- WebSocketContainer settings

    @Override
    public Set<Extension> getInstalledExtensions() {
        return deflate.enabled() ? Set.of(FreewayExtension.of(PerMessageDeflate.EXTENSION_NAME)) : Set.of();
    }

    private static long positive(String what, long millis) {
        if (millis <= 0) {
            throw new IllegalArgumentException(what + " must be positive, was " + millis);
        }
        return millis;
    }
}
