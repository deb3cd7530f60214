package dev.freeway.container;

import dev.freeway.container.annotated.AnnotatedEndpoint;
import dev.freeway.container.annotated.EndpointModel;
import dev.freeway.container.endpoint.ApplicationClassLoader;
import dev.freeway.container.endpoint.EndpointFactory;
import dev.freeway.container.endpoint.FactoryEndpoint;
import dev.freeway.container.endpoint.SessionInterceptor;
import dev.freeway.container.endpoint.SessionInterceptors;
import dev.freeway.container.metrics.MetricsExport;
import dev.freeway.container.metrics.WebSocketMetrics;
import dev.freeway.container.runtime.ContainerResources;
import dev.freeway.container.runtime.DefaultsContainer;
import dev.freeway.container.runtime.WorkerSettings;
import dev.freeway.container.server.ConfiguratorRouting;
import dev.freeway.container.server.EndpointInstances;
import dev.freeway.container.server.EndpointRegistry;
import dev.freeway.container.server.FreewayExtension;
import dev.freeway.container.server.FreewayHandshakeRequest;
import dev.freeway.container.server.HandshakeNegotiation;
import dev.freeway.container.server.HandshakeOutcome;
import dev.freeway.container.server.PreparedSession;
import dev.freeway.container.server.ServerEndpointConfigs;
import dev.freeway.container.session.ConnectionEndpointConfig;
import dev.freeway.container.session.SessionContext;
import dev.freeway.container.session.WsSession;
import dev.freeway.engine.Connection;
import dev.freeway.engine.DeflateSettings;
import dev.freeway.engine.EngineConfig;
import dev.freeway.engine.PerMessageDeflate;
import dev.freeway.engine.Request;
import dev.freeway.engine.Role;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.Extension;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Freeway's {@link ServerContainer}, independent of any transport: endpoints are deployed here,
 * handshakes are matched and negotiated here, and sessions are opened here over whatever
 * {@link Transport} the host (the Servlet module, a test) provides.
 *
 * <p>Annotated endpoint classes are read once, at deployment, into an {@link EndpointModel};
 * deployment fails with a {@link DeploymentException} naming the class, the method and the rule
 * when one is invalid.
 */
public class FreewayServerContainer extends DefaultsContainer implements ServerContainer, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(FreewayServerContainer.class.getName());

    private final EndpointRegistry registry = new EndpointRegistry();
    private final Map<Class<?>, EndpointModel> models = new ConcurrentHashMap<>();
    private final Map<ServerEndpointConfig, Set<Session>> openSessions = new ConcurrentHashMap<>();
    private final ContainerResources resources;
    private final DeflateSettings deflate;
    private final EngineConfig engineConfig;
    private final HandshakeNegotiation negotiation;
    private final AtomicLong ids = new AtomicLong();
    /** Set by {@link #close()}: the container is going away and takes no new session. */
    private final AtomicBoolean closing = new AtomicBoolean();
    private final EndpointInstances instances;
    private final WebSocketMetrics metrics;
    /** Takes the meters out of JMX or Micrometer again; set once they are published. */
    private volatile AutoCloseable metricsPublication = () -> { };
    private volatile SessionInterceptor interceptor = SessionInterceptor.NONE;
    private volatile Upgrader upgrader;
    private volatile WebSocketContainer client;
    /** Set by the first failed {@code addEndpoint}: the application's deployment has failed. */
    private volatile DeploymentException deploymentFailure;

    /** A container with the standard defaults and permessage-deflate offered. */
    public FreewayServerContainer() {
        this(ContainerDefaults.standard(), DeflateSettings.defaults(), EngineConfig.defaults());
    }

    /**
     * A container for the application whose class loader is the creating thread's context class
     * loader (a {@code ServletContainerInitializer} runs with the web application's).
     */
    public FreewayServerContainer(ContainerDefaults defaults, DeflateSettings deflate, EngineConfig engineConfig) {
        this(defaults, deflate, engineConfig, Thread.currentThread().getContextClassLoader());
    }

    /**
     * @param applicationLoader the deploying application's class loader, made the context class
     *                          loader around every endpoint callback; {@code null} leaves the
     *                          callback threads' loader as it is
     */
    public FreewayServerContainer(ContainerDefaults defaults, DeflateSettings deflate, EngineConfig engineConfig,
                                  ClassLoader applicationLoader) {
        this(defaults, deflate, engineConfig, applicationLoader, WorkerSettings.standard());
    }

    /**
     * As {@link #FreewayServerContainer(ContainerDefaults, DeflateSettings, EngineConfig, ClassLoader)},
     * with a worker pool of {@code workers}.
     */
    public FreewayServerContainer(ContainerDefaults defaults, DeflateSettings deflate, EngineConfig engineConfig,
                                  ClassLoader applicationLoader, WorkerSettings workers) {
        super(defaults);
        if (applicationLoader != null) {
            interceptor = new ApplicationClassLoader(applicationLoader);
        }
        this.deflate = deflate;
        this.engineConfig = engineConfig.toBuilder().autoPong(false).build(); // sessions answer pings themselves
        ConfiguratorRouting routing = new ConfiguratorRouting();
        this.negotiation = new HandshakeNegotiation(deflate, routing);
        this.instances = new EndpointInstances(routing);
        this.resources = new ContainerResources("freeway", workers);
        this.metrics = new WebSocketMetrics(this::queuedOutboundBytes, resources::workerThreadsActive);
    }

    // ---- deployment

    @Override
    public void addEndpoint(Class<?> endpointClass) throws DeploymentException {
        deployOrFail(() -> deploy(ServerEndpointConfigs.fromAnnotation(endpointClass)));
    }

    /**
     * Deploys an endpoint. A deployment error fails the application's whole deployment, as
     * Tomcat does and the TCK expects (negdep.invalidpathparamtype.pasrv): the endpoints deployed
     * so far are removed, and every later {@code addEndpoint} fails too, so that an application is
     * never served half deployed.
     */
    @Override
    public void addEndpoint(ServerEndpointConfig config) throws DeploymentException {
        deployOrFail(() -> deploy(config));
    }

    /** One deployment step; see {@link #addEndpoint(ServerEndpointConfig)}. */
    @FunctionalInterface
    private interface Deployment {
        void run() throws DeploymentException;
    }

    private void deployOrFail(Deployment deployment) throws DeploymentException {
        DeploymentException earlier = deploymentFailure;
        if (earlier != null) {
            throw new DeploymentException("no endpoint is deployed: the deployment of this application failed ("
                    + earlier.getMessage() + ")", earlier);
        }
        try {
            deployment.run();
        } catch (DeploymentException | RuntimeException e) {
            DeploymentException failure = e instanceof DeploymentException d ? d
                    : new DeploymentException("cannot deploy an endpoint: " + e, e);
            deploymentFailure = failure;
            registry.clear();
            LOG.log(System.Logger.Level.ERROR, "the WebSocket deployment failed; no endpoint of this application is"
                    + " deployed", failure);
            throw failure;
        }
    }

    private void deploy(ServerEndpointConfig config) throws DeploymentException {
        if (config == null) {
            throw new DeploymentException("no ServerEndpointConfig given");
        }
        Class<?> type = config.getEndpointClass();
        if (type != null && !Endpoint.class.isAssignableFrom(type)) {
            models.put(type, EndpointModel.build(type, config.getDecoders(), config.getEncoders(), true));
        }
        registry.add(config); // refuses a config without an endpoint class
        metrics.endpoint(config.getPath()); // its counters exist before the first handshake
        LOG.log(System.Logger.Level.DEBUG, "deployed {0} at {1}", config.getEndpointClass().getName(), config.getPath());
    }

    /** The deployed endpoints. */
    public List<ServerEndpointConfig> endpoints() {
        return registry.configs();
    }

    /** The endpoint for a request path (raw, without the context path), or {@code null}. */
    public EndpointRegistry.Match match(String rawPath) {
        return registry.find(rawPath);
    }

    // ---- handshakes and sessions

    /**
     * Runs the configurator's part of a handshake for a matched path and, when it accepts,
     * creates the endpoint instance (through the {@link EndpointFactory} when one is installed and
     * the configurator leaves instances to the default), so that nothing can fail once the 101 has
     * been sent. A prepared session that never reaches {@link #open} must be
     * {@linkplain PreparedSession#discard() discarded}.
     *
     * @return the prepared session, or the rejection to send
     */
    public Object prepare(Request request, EndpointRegistry.Match match, FreewayHandshakeRequest handshakeRequest) {
        return prepare(request, match.config(), match.pathParameters(), handshakeRequest);
    }

    /**
     * As {@link #prepare(Request, EndpointRegistry.Match, FreewayHandshakeRequest)} for an
     * endpoint given directly ({@code upgradeHttpToWebSocket}), deployed or not.
     */
    public Object prepare(Request request, ServerEndpointConfig config, Map<String, String> pathParameters,
                          FreewayHandshakeRequest handshakeRequest) {
        if (closing.get()) {
            // Its 1001 would follow at once: a client had better try another server now.
            return new HandshakeOutcome.Rejected(503, "the server is shutting down", null);
        }
        Class<?> endpointClass = config.getEndpointClass();
        if (!Endpoint.class.isAssignableFrom(endpointClass) && !models.containsKey(endpointClass)) {
            try {
                models.put(endpointClass, EndpointModel.build(endpointClass, config.getDecoders(), config.getEncoders(), true));
            } catch (DeploymentException e) {
                LOG.log(System.Logger.Level.ERROR, "invalid endpoint " + endpointClass.getName(), e);
                return new HandshakeOutcome.Rejected(500, "the endpoint " + endpointClass.getName()
                        + " is invalid; the server log has the details", e);
            }
        }
        HandshakeOutcome outcome = negotiation.negotiate(request, config, pathParameters, handshakeRequest);
        if (outcome instanceof HandshakeOutcome.Rejected) {
            return outcome;
        }
        HandshakeOutcome.Accepted accepted = (HandshakeOutcome.Accepted) outcome;
        ServerEndpointConfig connectionConfig = accepted.endpointConfig();
        Class<?> type = connectionConfig.getEndpointClass();
        try {
            EndpointInstances.Made made = instances.create(connectionConfig);
            EndpointModel model = models.get(type);
            Endpoint endpoint;
            try {
                endpoint = model != null ? new AnnotatedEndpoint(model, made.instance())
                        : made.fromFactory() ? new FactoryEndpoint(type.asSubclass(Endpoint.class), (Endpoint) made.instance())
                        : (Endpoint) made.instance();
            } catch (RuntimeException e) {
                made.release().run();
                throw e;
            }
            return new PreparedSession(accepted, endpoint, made.release());
        } catch (InstantiationException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "cannot create an instance of " + type.getName(), e);
            return new HandshakeOutcome.Rejected(500, "the endpoint " + type.getName()
                    + " could not be created; the server log has the details", e);
        }
    }

    /**
     * Opens the session of a prepared handshake over {@code transport}, once the 101 is on its
     * way. {@code engine} is the connection that wrote the 101 (made with {@link #engineConfig()}),
     * or {@code null} to start one. When this throws, the endpoint instance has been released.
     */
    public WsSession open(PreparedSession prepared, Transport transport, Connection engine) throws DeploymentException {
        try {
            HandshakeOutcome.Accepted accepted = prepared.accepted();
            ServerEndpointConfig config = accepted.endpointConfig();
            Connection connection = engine != null ? engine
                    : Connection.established(Role.SERVER, engineConfig, accepted.accept().extensions(), deflate);
            boolean deflated = accepted.accept().extensions().stream().anyMatch(PerMessageDeflate::isPerMessageDeflate);
            FreewayHandshakeRequest request = accepted.request();
            URI uri = request.getRequestURI();
            SessionContext context = new SessionContext(Long.toHexString(ids.incrementAndGet()), this, config, uri,
                    request.getQueryString(), request.getParameterMap(), accepted.pathParameters(),
                    request.getUserPrincipal(), accepted.subprotocol(), accepted.extensions(), transport.isSecure(),
                    openSessions.computeIfAbsent(originalOf(config), c -> ConcurrentHashMap.newKeySet()));
            return WsSession.open(context, prepared.endpoint(), connection, deflated, transport, defaults(), resources,
                    interceptor, prepared.release(), metrics.endpoint(config.getPath()));
        } catch (DeploymentException | RuntimeException | Error e) {
            prepared.discard(); // nothing opened: the instance is ours to give back
            throw e;
        }
    }

    /**
     * Lets a host environment create endpoint instances (see {@link EndpointFactory} for when it is
     * asked); {@code null} leaves them to the configurators.
     */
    public void setEndpointFactory(EndpointFactory factory) {
        instances.factory(factory);
    }

    /**
     * Adds an interceptor around the life and the callbacks of every session opened from now on;
     * interceptors added earlier are outside those added later.
     */
    public synchronized void addSessionInterceptor(SessionInterceptor added) {
        interceptor = SessionInterceptors.add(interceptor, java.util.Objects.requireNonNull(added, "interceptor"));
    }

    /** The engine settings sessions run with (pings are answered by the session, not the engine). */
    public EngineConfig engineConfig() {
        return engineConfig;
    }

    /** The executor sessions use for work off transport threads; transports may use it too. */
    public java.util.concurrent.Executor executor() {
        return resources.executor();
    }

    /** The permessage-deflate settings handshakes negotiate with. */
    public DeflateSettings deflateSettings() {
        return deflate;
    }

    /** What this container counts; the host counts the handshakes it answers here. */
    public WebSocketMetrics metrics() {
        return metrics;
    }

    /**
     * Publishes the meters of the web application {@code context} as {@code export} says, until
     * {@link #close()}.
     *
     * @param meterRegistry a Micrometer {@code MeterRegistry}, or {@code null} for Micrometer's global one
     */
    public void publishMetrics(MetricsExport export, String context, Object meterRegistry) {
        metricsPublication = export.publish(metrics, context, meterRegistry);
    }

    /** Bytes every open session holds for its peer; summed only when the meter is read. */
    private long queuedOutboundBytes() {
        long bytes = 0;
        for (Set<Session> sessions : openSessions.values()) {
            for (Session s : sessions) {
                bytes += ((WsSession) s).bufferedAmount();
            }
        }
        return bytes;
    }

    /** Every open session, of every endpoint. */
    public List<Session> openSessions() {
        List<Session> all = new ArrayList<>();
        openSessions.values().forEach(all::addAll);
        return all;
    }

    /** Lets the host environment serve {@link #upgradeHttpToWebSocket}. */
    public void setUpgrader(Upgrader upgrader) {
        this.upgrader = upgrader;
    }

    /** Lets the client container serve {@code connectToServer}. */
    public void setClientContainer(WebSocketContainer client) {
        this.client = client;
    }

    @Override
    public void upgradeHttpToWebSocket(Object httpServletRequest, Object httpServletResponse, ServerEndpointConfig sec,
                                       Map<String, String> pathParameters) throws IOException, DeploymentException {
        Upgrader u = upgrader;
        if (u == null) {
            throw new IllegalStateException("upgradeHttpToWebSocket needs a Servlet container: "
                    + "this Freeway container was created without the freeway-servlet-upgrade module");
        }
        u.upgrade(httpServletRequest, httpServletResponse, sec, pathParameters);
    }

    /**
     * Closes every session with 1001 (going away), waits for the peers to answer for at most the
     * shutdown timeout ({@link ContainerDefaults#shutdownTimeoutMillis()}), drops the connections
     * left and stops the container's threads. Handshakes that come meanwhile are refused (503). Only
     * the first call does anything: a server that stops calls it before its connectors close
     * (Jetty), and the web application's end calls it again.
     */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        CloseReason goingAway = new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "the server is shutting down");
        try {
            resources.shutdown(goingAway, defaults().shutdownTimeoutMillis(), () -> { });
        } finally {
            try {
                metricsPublication.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "cannot take the WebSocket meters out", e);
            }
        }
    }

    private static ServerEndpointConfig originalOf(ServerEndpointConfig perConnection) {
        return perConnection instanceof ConnectionEndpointConfig ? ((ConnectionEndpointConfig) perConnection).original()
                : perConnection;
    }

    // ---- WebSocketContainer

    @Override
    public Set<Extension> getInstalledExtensions() {
        return deflate.enabled() ? Set.of(FreewayExtension.of(PerMessageDeflate.EXTENSION_NAME)) : Set.of();
    }

    @Override
    public Session connectToServer(Object annotatedEndpointInstance, URI path) throws DeploymentException, IOException {
        return client().connectToServer(annotatedEndpointInstance, path);
    }

    @Override
    public Session connectToServer(Class<?> annotatedEndpointClass, URI path) throws DeploymentException, IOException {
        return client().connectToServer(annotatedEndpointClass, path);
    }

    @Override
    public Session connectToServer(Endpoint endpointInstance, ClientEndpointConfig cec, URI path)
            throws DeploymentException, IOException {
        return client().connectToServer(endpointInstance, cec, path);
    }

    @Override
    public Session connectToServer(Class<? extends Endpoint> endpointClass, ClientEndpointConfig cec, URI path)
            throws DeploymentException, IOException {
        return client().connectToServer(endpointClass, cec, path);
    }

    private WebSocketContainer client() throws DeploymentException {
        WebSocketContainer c = client;
        if (c == null) {
            throw new DeploymentException("this server container has no client container to connect with");
        }
        return c;
    }
}
