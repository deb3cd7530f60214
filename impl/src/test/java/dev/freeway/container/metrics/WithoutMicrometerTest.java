package dev.freeway.container.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The metrics classes loaded again without Micrometer on the class path, as an application without
 * the optional dependency has them: they load, and the default export is the JMX MXBean.
 */
class WithoutMicrometerTest {
    private URLClassLoader loader;

    @BeforeEach
    void loadWithoutMicrometer() {
        URL impl = WebSocketMetrics.class.getProtectionDomain().getCodeSource().getLocation();
        // The platform loader as parent: it sees the JDK but not the test class path, so Micrometer is absent.
        loader = new URLClassLoader(new URL[] {impl}, ClassLoader.getPlatformClassLoader());
    }

    @AfterEach
    void close() throws Exception {
        loader.close();
    }

    @Test
    void micrometerIsReallyAbsentThere() {
        assertThat(loader.getResource("io/micrometer/core/instrument/MeterRegistry.class")).isNull();
        assertThat(getClass().getClassLoader().getResource("io/micrometer/core/instrument/MeterRegistry.class")).isNotNull();
    }

    @Test
    void theDefaultExportIsJmx() throws Exception {
        Class<?> metricsType = loader.loadClass(WebSocketMetrics.class.getName());
        Object metrics = metricsType.getConstructor(LongSupplier.class, IntSupplier.class)
                .newInstance((LongSupplier) () -> 0, (IntSupplier) () -> 0);
        Class<?> exportType = loader.loadClass(MetricsExport.class.getName());
        Object auto = exportType.getMethod("parse", String.class).invoke(null, "auto");
        ObjectName name = new ObjectName("dev.freeway:type=WebSocket,context=/without-micrometer");
        try (AutoCloseable published = (AutoCloseable) exportType.getMethod("publish", metricsType, String.class, Object.class)
                .invoke(auto, metrics, "/without-micrometer", null)) {
            assertThat(ManagementFactory.getPlatformMBeanServer().getAttribute(name, "OpenSessions")).isEqualTo(0L);
        }
        assertThat(ManagementFactory.getPlatformMBeanServer().isRegistered(name)).isFalse();
    }
}
