package dev.freeway.servlet;

import dev.freeway.container.FreewayServerContainer;
import dev.freeway.container.metrics.MetricsExport;
import dev.freeway.engine.EngineConfig;
import dev.freeway.servlet.jetty.JettyStopHook;
import dev.freeway.servlet.upgrade.ReadArrayPool;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.HandlesTypes;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;

import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Starts Freeway in a web application: creates its {@link ServerContainer} and always registers
 * it under {@code jakarta.websocket.server.ServerContainer} (so listeners can add endpoints even
 * when none was found), deploys the endpoints found as the spec's {@link ServerApplicationConfig}
 * rules say, maps the handshake filter ahead of every other, closes every session with 1001 when
 * the application or the server stops (within {@code dev.freeway.shutdownTimeout}), and refuses to
 * start (with an ERROR saying how to fix it) if the container's own WebSocket implementation runs
 * in the same application: two implementations answering handshakes side by side is never what
 * the user wants.
 */
@HandlesTypes({ServerEndpoint.class, Endpoint.class, ServerApplicationConfig.class})
public final class FreewayInitializer implements ServletContainerInitializer {
    static final String FILTER_NAME = "freeway-websocket";
    /**
     * The ServletContext attribute holding this application's {@link FreewayServerContainer},
     * for integrations that install hooks on it (an {@code EndpointFactory}, session interceptors).
     */
    public static final String CONTAINER_ATTRIBUTE = FreewayServerContainer.class.getName();
    /**
     * A ServletContext attribute an integration may set, before this initializer runs, to a
     * {@code String} that tells its users how to switch the container's own WebSocket
     * implementation off, in place of the advice for a WAR ({@code context.xml}, Jetty modules),
     * which does not apply where the integration builds the server (Spring Boot).
     */
    public static final String SWITCH_OFF_ADVICE_ATTRIBUTE = FreewayInitializer.class.getName() + ".switchOffAdvice";
    /**
     * A ServletContext attribute an integration may set, before this initializer runs, to the
     * Micrometer {@code MeterRegistry} the meters go to (Spring Boot's, say); without it they go to
     * Micrometer's global registry, or to JMX when Micrometer is not on the class path.
     */
    public static final String METER_REGISTRY_ATTRIBUTE = FreewayInitializer.class.getName() + ".meterRegistry";
    private static final System.Logger LOG = System.getLogger(FreewayInitializer.class.getName());

    @Override
    public void onStartup(Set<Class<?>> found, ServletContext ctx) throws ServletException {
        // The application's loader becomes the context class loader of every endpoint callback.
        FreewayServerContainer container = new FreewayServerContainer(ContainerSettings.defaults(ctx),
                ContainerSettings.deflate(ctx), EngineConfig.defaults(), ctx.getClassLoader(),
                ContainerSettings.workers(ctx));
        List<String> foreign = ForeignImplementations.find(ctx, container, FILTER_NAME);
        ctx.setAttribute(ServerContainer.class.getName(), container);
        // Under its own name too, where integrations (freeway-cdi) find it even when another
        // implementation has taken the standard attribute.
        ctx.setAttribute(CONTAINER_ATTRIBUTE, container);

        ReadArrayPool pool = new ReadArrayPool(ContainerSettings.readBufferSize(ctx), 256);
        OriginPolicy origins = ContainerSettings.origins(ctx);
        MetricsExport metrics = ContainerSettings.metrics(ctx);
        ServletHandshake handshake = new ServletHandshake(container, pool, ConnectionUpgrades.available(), origins);
        container.setUpgrader(new ServletUpgrader(handshake));
        FilterRegistration.Dynamic filter = ctx.addFilter(FILTER_NAME, new FreewayFilter(container, handshake));
        filter.setAsyncSupported(true);
        filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        // Where the server closes connections before it stops the applications (Jetty), the drain
        // must start with the server's stop; elsewhere contextDestroyed is early enough.
        Runnable unhook = JettyStopHook.install(ctx, container::close);
        ctx.addListener(new Lifecycle(container, unhook));

        try {
            deploy(container, found == null ? Set.of() : found);
        } catch (DeploymentException e) {
            unhook.run();
            container.close();
            throw new ServletException("Freeway could not deploy the WebSocket endpoints of " + ctx.getContextPath()
                    + ": " + e.getMessage(), e);
        }
        if (!foreign.isEmpty()) {
            unhook.run();
            container.close();
            throw new ServletException(ForeignImplementations.refuse(ctx, foreign));
        }
        try {
            container.publishMetrics(metrics, contextName(ctx), ctx.getAttribute(METER_REGISTRY_ATTRIBUTE));
        } catch (RuntimeException e) {
            container.close();
            throw new ServletException("Freeway could not publish the WebSocket meters of " + ctx.getContextPath()
                    + ": " + e.getMessage(), e);
        }
        LOG.log(System.Logger.Level.INFO, "Freeway WebSocket started in ''{0}'' with {1} endpoint(s)",
                ctx.getContextPath(), container.endpoints().size());
        if (origins.allowsAny()) {
            LOG.log(System.Logger.Level.INFO, "no Origin policy is set in ''{0}'': web pages of any site may open its"
                    + " WebSockets with their visitors'' cookies; set {1}allowedOrigins (same-origin, or a list of"
                    + " origins) to refuse the others", ctx.getContextPath(), ContainerSettings.PREFIX);
        }
    }

    /** The application's name in its meters: its context path, {@code /} for the root application. */
    private static String contextName(ServletContext ctx) {
        String path = ctx.getContextPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    /** Deploys per Jakarta WebSocket 2.2 section 6.2. */
    private static void deploy(FreewayServerContainer container, Set<Class<?>> found) throws DeploymentException {
        Set<Class<?>> annotated = new LinkedHashSet<>();
        Set<Class<? extends Endpoint>> programmatic = new LinkedHashSet<>();
        Set<Class<? extends ServerApplicationConfig>> applicationConfigs = new LinkedHashSet<>();
        for (Class<?> c : found) {
            if (c.isInterface() || Modifier.isAbstract(c.getModifiers())) {
                continue;
            }
            if (ServerApplicationConfig.class.isAssignableFrom(c)) {
                applicationConfigs.add(c.asSubclass(ServerApplicationConfig.class));
            }
            if (c.isAnnotationPresent(ServerEndpoint.class)) {
                annotated.add(c);
            } else if (Endpoint.class.isAssignableFrom(c)) {
                programmatic.add(c.asSubclass(Endpoint.class));
            }
        }
        if (applicationConfigs.isEmpty()) {
            for (Class<?> c : annotated) {
                container.addEndpoint(c);
            }
            return;
        }
        for (Class<? extends ServerApplicationConfig> type : applicationConfigs) {
            ServerApplicationConfig config;
            try {
                config = type.getConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new DeploymentException(type.getName() + " needs a public no-argument constructor", e);
            }
            Set<ServerEndpointConfig> configs = config.getEndpointConfigs(Collections.unmodifiableSet(programmatic));
            if (configs != null) {
                for (ServerEndpointConfig c : configs) {
                    container.addEndpoint(c);
                }
            }
            Set<Class<?>> classes = config.getAnnotatedEndpointClasses(Collections.unmodifiableSet(annotated));
            if (classes != null) {
                for (Class<?> c : classes) {
                    container.addEndpoint(c);
                }
            }
        }
    }

    /** Checks for a second implementation once every initializer has run; closes sessions on stop. */
    private static final class Lifecycle implements ServletContextListener {
        private final FreewayServerContainer container;
        private final Runnable unhook;

        Lifecycle(FreewayServerContainer container, Runnable unhook) {
            this.container = container;
            this.unhook = unhook;
        }

        @Override
        public void contextInitialized(ServletContextEvent event) {
            ServletContext ctx = event.getServletContext();
            List<String> foreign = ForeignImplementations.find(ctx, container, FILTER_NAME);
            if (!foreign.isEmpty()) {
                unhook.run();
                container.close();
                throw new IllegalStateException(ForeignImplementations.refuse(ctx, foreign));
            }
        }

        @Override
        public void contextDestroyed(ServletContextEvent event) {
            unhook.run();
            container.close(); // at once, if the server's stop has drained already
        }
    }
}
