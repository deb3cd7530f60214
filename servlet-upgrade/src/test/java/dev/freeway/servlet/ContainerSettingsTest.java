package dev.freeway.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.freeway.container.ContainerDefaults;
import dev.freeway.container.metrics.MetricsExport;
import dev.freeway.engine.DeflateSettings;
import jakarta.servlet.ServletContext;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.junit.jupiter.api.Test;

/** The {@code dev.freeway.*} context parameters, read from a real (Jetty) servlet context. */
class ContainerSettingsTest {

    private static ServletContext context(String... nameValues) {
        ServletContextHandler handler = new ServletContextHandler("/app");
        for (int i = 0; i < nameValues.length; i += 2) {
            handler.setInitParameter(ContainerSettings.PREFIX + nameValues[i], nameValues[i + 1]);
        }
        return handler.getServletContext();
    }

    @Test
    void unsetOrBlankParametersKeepTheDefaults() {
        ServletContext ctx = context("maxIdleTimeout", " ");
        ContainerDefaults standard = ContainerDefaults.standard();
        ContainerDefaults d = ContainerSettings.defaults(ctx);
        assertThat(d.maxIdleTimeoutMillis()).isEqualTo(standard.maxIdleTimeoutMillis());
        assertThat(d.maxTextMessageBufferSize()).isEqualTo(standard.maxTextMessageBufferSize());
        assertThat(ContainerSettings.readBufferSize(ctx)).isEqualTo(16 * 1024);
        assertThat(ContainerSettings.deflate(ctx).enabled()).isTrue();
    }

    @Test
    void everyParameterIsRead() {
        ServletContext ctx = context("maxTextMessageBufferSize", "1000", "maxBinaryMessageBufferSize", "2000",
                "maxIdleTimeout", "3000", "asyncSendTimeout", "4000", "maxOutboundBytes", "5000",
                "closeTimeout", "6000", "readBufferSize", "7000", "permessageDeflate", "false",
                "pingInterval", "8000", "pongTimeout", "9000", "shutdownTimeout", "10000");
        ContainerDefaults d = ContainerSettings.defaults(ctx);
        assertThat(d.maxTextMessageBufferSize()).isEqualTo(1000);
        assertThat(d.maxBinaryMessageBufferSize()).isEqualTo(2000);
        assertThat(d.maxIdleTimeoutMillis()).isEqualTo(3000);
        assertThat(d.asyncSendTimeoutMillis()).isEqualTo(4000);
        assertThat(d.maxOutboundBytes()).isEqualTo(5000);
        assertThat(d.closeTimeoutMillis()).isEqualTo(6000);
        assertThat(d.pingIntervalMillis()).isEqualTo(8000);
        assertThat(d.pongTimeoutMillis()).isEqualTo(9000);
        assertThat(d.shutdownTimeoutMillis()).isEqualTo(10000);
        assertThat(ContainerSettings.readBufferSize(ctx)).isEqualTo(7000);
        assertThat(ContainerSettings.deflate(ctx).enabled()).isFalse();
    }

    @Test
    void theMetricsExportIsNamedAndAnUnknownOneRefusedWithTheParameter() {
        assertThat(ContainerSettings.metrics(context())).isEqualTo(MetricsExport.AUTO);
        assertThat(ContainerSettings.metrics(context("metrics", "JMX"))).isEqualTo(MetricsExport.JMX);
        assertThatThrownBy(() -> ContainerSettings.metrics(context("metrics", "statsd")))
                .hasMessage("context parameter dev.freeway.metrics: 'statsd' is none of auto, micrometer, jmx, none");
    }

    @Test
    void valuesOutOfRangeOrNotNumbersAreRefusedWithTheirName() {
        assertThatThrownBy(() -> ContainerSettings.readBufferSize(context("readBufferSize", "0")))
                .hasMessage("context parameter dev.freeway.readBufferSize=0 is out of range: from 1024 to 2147483647 bytes");
        assertThatThrownBy(() -> ContainerSettings.defaults(context("maxTextMessageBufferSize", "4294967296")))
                .hasMessageContaining("dev.freeway.maxTextMessageBufferSize=4294967296 is out of range");
        assertThatThrownBy(() -> ContainerSettings.defaults(context("pongTimeout", "0")))
                .hasMessage("context parameter dev.freeway.pongTimeout=0 is out of range: 1 ms or more");
        assertThatThrownBy(() -> ContainerSettings.defaults(context("shutdownTimeout", "-1")))
                .hasMessage("context parameter dev.freeway.shutdownTimeout=-1 is out of range: 0 ms or more");
        assertThatThrownBy(() -> ContainerSettings.defaults(context("pingInterval", "-1")))
                .hasMessageContaining("dev.freeway.pingInterval=-1 is out of range");
        assertThatThrownBy(() -> ContainerSettings.defaults(context("maxIdleTimeout", "ten")))
                .hasMessage("context parameter dev.freeway.maxIdleTimeout='ten' is not a number");
        assertThatThrownBy(() -> ContainerSettings.deflate(context("deflate.serverMaxWindowBits", "16")))
                .hasMessage("context parameter dev.freeway.deflate.serverMaxWindowBits=16 is out of range: from 8 to 15 bits");
        assertThatThrownBy(() -> ContainerSettings.deflate(context("deflate.clientMaxWindowBits", "7")))
                .hasMessage("context parameter dev.freeway.deflate.clientMaxWindowBits=7 is out of range: from 8 to 15 bits");
    }

    @Test
    void deflateWindowsAreRead() {
        DeflateSettings d = ContainerSettings.deflate(context("deflate.serverMaxWindowBits", "9",
                "deflate.clientMaxWindowBits", "12"));
        assertThat(d.maxWindowBits()).isEqualTo(9);
        assertThat(d.peerMaxWindowBits()).isEqualTo(12);
        DeflateSettings unset = ContainerSettings.deflate(context());
        assertThat(unset.maxWindowBits()).isEqualTo(15);
        assertThat(unset.peerMaxWindowBits()).isEqualTo(15);
    }

    @Test
    void theWorkerPoolIsBoundedAndItsBoundsAreRangeChecked() {
        assertThat(ContainerSettings.workers(context()).maxThreads())
                .isEqualTo(Math.max(64, 16 * Runtime.getRuntime().availableProcessors()));
        assertThat(ContainerSettings.workers(context("maxWorkerThreads", "8", "maxQueuedTasks", "100")))
                .extracting(w -> w.maxThreads(), w -> w.maxQueuedTasks()).containsExactly(8, 100);
        assertThatThrownBy(() -> ContainerSettings.workers(context("maxWorkerThreads", "0")))
                .hasMessage("context parameter dev.freeway.maxWorkerThreads=0 is out of range: from 1 to 10000 threads");
        assertThatThrownBy(() -> ContainerSettings.workers(context("maxQueuedTasks", "-1")))
                .hasMessageContaining("dev.freeway.maxQueuedTasks=-1 is out of range");
        assertThat(ContainerSettings.workers(context()).virtualThreads()).isFalse();
        assertThat(ContainerSettings.workers(context("executor", "virtual")).virtualThreads()).isTrue();
        assertThatThrownBy(() -> ContainerSettings.workers(context("executor", "jndi:foo")))
                .hasMessage("context parameter dev.freeway.executor='jndi:foo' is neither platform, virtual nor a JNDI name (java:...)");
    }

    @Test
    void aSystemPropertyIsTheDefaultOfEveryApplicationThatSetsNoParameter() {
        String name = ContainerSettings.PREFIX + "closeTimeout";
        System.setProperty(name, "4321");
        try {
            assertThat(ContainerSettings.defaults(context()).closeTimeoutMillis()).isEqualTo(4321);
            assertThat(ContainerSettings.defaults(context("closeTimeout", "1234")).closeTimeoutMillis()).isEqualTo(1234);
        } finally {
            System.clearProperty(name);
        }
        assertThat(ContainerSettings.defaults(context()).closeTimeoutMillis())
                .isEqualTo(ContainerDefaults.standard().closeTimeoutMillis());
    }

    @Test
    void aRefusedSystemPropertyIsCalledOneInTheError() {
        System.setProperty(ContainerSettings.PREFIX + "pongTimeout", "0");
        System.setProperty(ContainerSettings.PREFIX + "allowedOrigins", "example.com");
        try {
            assertThatThrownBy(() -> ContainerSettings.defaults(context()))
                    .hasMessage("system property dev.freeway.pongTimeout=0 is out of range: 1 ms or more");
            assertThatThrownBy(() -> ContainerSettings.origins(context()))
                    .hasMessageStartingWith("system property dev.freeway.allowedOrigins: 'example.com' is not an origin");
            assertThatThrownBy(() -> ContainerSettings.origins(context("allowedOrigins", "example.org")))
                    .hasMessageStartingWith("context parameter dev.freeway.allowedOrigins: 'example.org' is not an origin");
        } finally {
            System.clearProperty(ContainerSettings.PREFIX + "pongTimeout");
            System.clearProperty(ContainerSettings.PREFIX + "allowedOrigins");
        }
    }
}
