package dev.freeway.container.metrics;

import java.util.Locale;

/**
 * Where a container's meters are published. {@link #AUTO}, the default, takes Micrometer when it
 * is on the class path and JMX otherwise, so an application that uses Micrometer finds the meters
 * with its own, and one that does not still sees them in any JMX console.
 */
public enum MetricsExport {
    /** Micrometer if it is on the class path, else JMX. */
    AUTO,
    /** Micrometer meters; refused at start-up when Micrometer is not on the class path. */
    MICROMETER,
    /** A JMX MXBean in the platform MBean server, whether or not Micrometer is there. */
    JMX,
    /** Counted, published nowhere. */
    NONE;

    private static final String MICROMETER_REGISTRY = "io.micrometer.core.instrument.MeterRegistry";

    /** The export named {@code value} (any case), {@link #AUTO} for {@code null} or blank. */
    public static MetricsExport parse(String value) {
        if (value == null || value.isBlank()) {
            return AUTO;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + value + "' is none of auto, micrometer, jmx, none", e);
        }
    }

    /**
     * Publishes {@code metrics} of the web application {@code context}.
     *
     * @param meterRegistry the Micrometer {@code MeterRegistry} to publish to (an integration such as
     *                      Spring Boot hands over the application's), or {@code null} for
     *                      Micrometer's global registry; unused by JMX
     * @return what takes the meters out again, when the application stops
     */
    public AutoCloseable publish(WebSocketMetrics metrics, String context, Object meterRegistry) {
        MetricsExport chosen = this == AUTO ? (micrometerPresent() ? MICROMETER : JMX) : this;
        switch (chosen) {
            case MICROMETER:
                if (!micrometerPresent()) {
                    throw new IllegalStateException("meters for Micrometer were asked for, but Micrometer"
                            + " (io.micrometer:micrometer-core) is not on the class path");
                }
                return micrometer(metrics, context, meterRegistry);
            case JMX:
                return JmxRegistration.register(metrics, context);
            default:
                return () -> { };
        }
    }

    /** Separate, so that no Micrometer class is loaded unless this runs. */
    private static AutoCloseable micrometer(WebSocketMetrics metrics, String context, Object meterRegistry) {
        try {
            return new MicrometerMeters(metrics, context, meterRegistry);
        } catch (ClassCastException e) {
            throw new IllegalArgumentException("not a Micrometer MeterRegistry of this application's class loader: "
                    + meterRegistry.getClass().getName(), e);
        }
    }

    /** Looked up in Freeway's own class loader, the one {@link MicrometerMeters} would link against. */
    private static boolean micrometerPresent() {
        try {
            Class.forName(MICROMETER_REGISTRY, false, MetricsExport.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
