package dev.freeway.spring.boot;

import dev.freeway.servlet.FreewayInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.boot.web.servlet.ServletContextInitializer;

/**
 * Runs Freeway's {@link FreewayInitializer} in the ServletContext of Boot's embedded server, which
 * does not run the {@code ServletContainerInitializer}s of the class path: the settings become
 * Freeway's context parameters first, and a failure to start names what a Boot user can do. No
 * endpoint classes are handed over (Boot scans none); a {@code ServerEndpointExporter} deploys the
 * {@code @ServerEndpoint}s into the container this registers.
 */
public class FreewayServletContextInitializer implements ServletContextInitializer {
    /** What a Boot user does when another WebSocket implementation runs beside Freeway. */
    static final String BOOT_ADVICE = "In a Spring Boot application, freeway-spring-boot-starter switches off the"
            + " WebSocket support that Boot's Tomcat and Jetty auto-configuration registers, so another part of the"
            + " application registered one (a TomcatContextCustomizer adding org.apache.tomcat.websocket.server.WsSci,"
            + " a Jetty configuration calling JakartaWebSocketServerContainer.ensureContainer): remove it. To keep the"
            + " containers' own implementations off the class path altogether, exclude"
            + " org.apache.tomcat.embed:tomcat-embed-websocket (it comes with spring-boot-starter-tomcat-runtime,"
            + " spring-boot-starter-tomcat, spring-boot-starter-web) or"
            + " org.eclipse.jetty.ee11.websocket:jetty-ee11-websocket-jakarta-server and"
            + " jetty-ee11-websocket-jetty-server (they come with spring-boot-starter-jetty-runtime,"
            + " spring-boot-starter-jetty), and use freeway-spring-boot-starter instead of"
            + " spring-boot-starter-websocket.";

    private final FreewayWebSocketProperties properties;
    private final Supplier<Object> meterRegistry;

    /**
     * An initializer that starts Freeway with these settings as its context parameters.
     *
     * @param properties the {@code freeway.websocket.*} settings
     */
    public FreewayServletContextInitializer(FreewayWebSocketProperties properties) {
        this(properties, () -> null);
    }

    /**
     * As {@link #FreewayServletContextInitializer(FreewayWebSocketProperties)}, with Freeway's meters
     * in the Micrometer {@code MeterRegistry} that {@code meterRegistry} gives when Freeway starts
     * ({@code null}: Micrometer's global registry, or JMX without Micrometer).
     *
     * @param properties    the {@code freeway.websocket.*} settings
     * @param meterRegistry the application's {@code MeterRegistry}, or {@code null}
     */
    public FreewayServletContextInitializer(FreewayWebSocketProperties properties, Supplier<Object> meterRegistry) {
        this.properties = properties;
        this.meterRegistry = meterRegistry;
    }

    @Override
    public void onStartup(ServletContext ctx) throws ServletException {
        for (Map.Entry<String, String> p : properties.contextParameters().entrySet()) {
            setParameter(ctx, p.getKey(), p.getValue());
        }
        ctx.setAttribute(FreewayInitializer.SWITCH_OFF_ADVICE_ATTRIBUTE, BOOT_ADVICE);
        Object registry = meterRegistry.get();
        if (registry != null) {
            ctx.setAttribute(FreewayInitializer.METER_REGISTRY_ATTRIBUTE, registry);
        }
        new FreewayInitializer().onStartup(Set.of(), ctx);
    }

    /**
     * A parameter also set another way ({@code server.servlet.context-parameters}) must agree, or
     * one of the two would be silently ignored.
     */
    private static void setParameter(ServletContext ctx, String name, String value) {
        if (!ctx.setInitParameter(name, value) && !value.equals(ctx.getInitParameter(name))) {
            String property = "freeway.websocket." + kebab(name.substring(FreewayWebSocketProperties.PARAMETER_PREFIX.length()));
            throw new IllegalStateException("The context parameter " + name + "=" + ctx.getInitParameter(name)
                    + " contradicts " + property + " (" + value + "): set only " + property);
        }
    }

    /** {@code maxIdleTimeout} as the property segment {@code max-idle-timeout}. */
    private static String kebab(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
