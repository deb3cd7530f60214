package dev.freeway.servlet;

import dev.freeway.container.ContainerDefaults;
import dev.freeway.engine.DeflateParameters;
import dev.freeway.container.runtime.WorkerSettings;
import dev.freeway.container.metrics.MetricsExport;
import dev.freeway.engine.DeflateSettings;
import jakarta.servlet.ServletContext;

/**
 * Freeway's settings from the web application's context parameters ({@code web.xml}
 * {@code <context-param>}), so every container gets the same limits from the same place. A JVM
 * system property of the same name ({@code -Ddev.freeway.executor=virtual}) is the default for
 * every application of the JVM that does not set the parameter:
 *
 * <table>
 * <caption>context parameters</caption>
 * <tr><td>{@code dev.freeway.maxTextMessageBufferSize}</td><td>bytes, default 65536</td></tr>
 * <tr><td>{@code dev.freeway.maxBinaryMessageBufferSize}</td><td>bytes, default 65536</td></tr>
 * <tr><td>{@code dev.freeway.maxIdleTimeout}</td><td>milliseconds, 0 = none (default)</td></tr>
 * <tr><td>{@code dev.freeway.asyncSendTimeout}</td><td>milliseconds, default 30000</td></tr>
 * <tr><td>{@code dev.freeway.maxOutboundBytes}</td><td>bytes waiting for a slow peer, default 4194304</td></tr>
 * <tr><td>{@code dev.freeway.closeTimeout}</td><td>milliseconds, default 5000</td></tr>
 * <tr><td>{@code dev.freeway.pingInterval}</td><td>milliseconds of silence before a heartbeat ping, 0 = none, default 30000</td></tr>
 * <tr><td>{@code dev.freeway.pongTimeout}</td><td>milliseconds a ping may stay unanswered, default 10000</td></tr>
 * <tr><td>{@code dev.freeway.shutdownTimeout}</td><td>milliseconds the peers have to answer the 1001 of an
 *     application or server that stops, default 2000</td></tr>
 * <tr><td>{@code dev.freeway.permessageDeflate}</td><td>true (default) or false</td></tr>
 * <tr><td>{@code dev.freeway.allowedOrigins}</td><td>origins that may connect ({@code *} wildcards in
 * host names, {@code same-origin}); default any</td></tr>
 * <tr><td>{@code dev.freeway.readBufferSize}</td><td>bytes per read, default 16384</td></tr>
 * <tr><td>{@code dev.freeway.deflate.serverMaxWindowBits}</td><td>8-15, default 15: the largest
 *     window the server compresses with (and prefers when the client lets it choose); below 15
 *     needs JZlib</td></tr>
 * <tr><td>{@code dev.freeway.deflate.clientMaxWindowBits}</td><td>8-15, default 15: the largest
 *     window the server accepts from clients that offer {@code client_max_window_bits}</td></tr>
 * <tr><td>{@code dev.freeway.maxWorkerThreads}</td><td>threads, default 16 a core, at least 64</td></tr>
 * <tr><td>{@code dev.freeway.maxQueuedTasks}</td><td>tasks waiting for a worker, default 65536</td></tr>
 * <tr><td>{@code dev.freeway.executor}</td><td>platform (default), virtual (Java 21+), or the JNDI name
 *     ({@code java:...}) of a managed executor</td></tr>
 * <tr><td>{@code dev.freeway.metrics}</td><td>where the meters go: auto (default: Micrometer if on the
 *     class path, else JMX), micrometer, jmx or none</td></tr>
 * </table>
 */
final class ContainerSettings {
    static final String PREFIX = "dev.freeway.";

    private ContainerSettings() {
    }

    static ContainerDefaults defaults(ServletContext ctx) {
        ContainerDefaults d = ContainerDefaults.standard();
        d = d.withMaxTextMessageBufferSize(size(ctx, "maxTextMessageBufferSize", d.maxTextMessageBufferSize(), 1));
        d = d.withMaxBinaryMessageBufferSize(size(ctx, "maxBinaryMessageBufferSize", d.maxBinaryMessageBufferSize(), 1));
        d = d.withMaxIdleTimeoutMillis(number(ctx, "maxIdleTimeout", d.maxIdleTimeoutMillis()));
        d = d.withAsyncSendTimeoutMillis(number(ctx, "asyncSendTimeout", d.asyncSendTimeoutMillis()));
        d = d.withMaxOutboundBytes(number(ctx, "maxOutboundBytes", d.maxOutboundBytes()));
        d = d.withCloseTimeoutMillis(number(ctx, "closeTimeout", d.closeTimeoutMillis()));
        d = d.withPingIntervalMillis(millis(ctx, "pingInterval", d.pingIntervalMillis(), 0));
        d = d.withPongTimeoutMillis(millis(ctx, "pongTimeout", d.pongTimeoutMillis(), 1));
        d = d.withShutdownTimeoutMillis(millis(ctx, "shutdownTimeout", d.shutdownTimeoutMillis(), 0));
        return d;
    }

    /** The worker pool's bounds: at least one thread and one queued task. */
    static WorkerSettings workers(ServletContext ctx) {
        WorkerSettings w = WorkerSettings.standard();
        w = w.withMaxThreads(range(ctx, "maxWorkerThreads", w.maxThreads(), 1, WorkerSettings.MAX_THREADS, "threads"));
        w = w.withMaxQueuedTasks(range(ctx, "maxQueuedTasks", w.maxQueuedTasks(), 1, Integer.MAX_VALUE, "tasks"));
        String executor = parameter(ctx, "executor");
        String value = executor == null ? "" : executor.trim();
        if (value.isEmpty() || value.equals("platform")) {
            return w;
        }
        if (value.equals("virtual")) {
            return w.withVirtualThreads(true);
        }
        if (ManagedExecutorLookup.isJndiName(value)) {
            try {
                return w.withManagedExecutor(ManagedExecutorLookup.lookup(value));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(named(ctx, "executor") + ": " + e.getMessage(), e);
            }
        }
        throw new IllegalArgumentException(named(ctx, "executor") + "='" + executor
                + "' is neither platform, virtual nor a JNDI name (java:...)");
    }

    /** Where the meters are published; see {@link MetricsExport}. */
    static MetricsExport metrics(ServletContext ctx) {
        try {
            return MetricsExport.parse(parameter(ctx, "metrics"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(named(ctx, "metrics") + ": " + e.getMessage(), e);
        }
    }

    /** The Origin policy; see {@link OriginPolicy}. */
    static OriginPolicy origins(ServletContext ctx) {
        try {
            return OriginPolicy.parse(parameter(ctx, "allowedOrigins"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(named(ctx, "allowedOrigins") + ": " + e.getMessage(), e);
        }
    }

    static DeflateSettings deflate(ServletContext ctx) {
        String v = parameter(ctx, "permessageDeflate");
        DeflateSettings.Builder b = DeflateSettings.builder().enabled(v == null || Boolean.parseBoolean(v.trim()));
        int serverBits = windowBits(ctx, "deflate.serverMaxWindowBits");
        if (serverBits < DeflateParameters.MAX_WINDOW_BITS && !b.build().smallWindows()) {
            // Refused at deployment rather than silently compressing with 32 KiB windows.
            throw new IllegalArgumentException(named(ctx, "deflate.serverMaxWindowBits") + "=" + serverBits
                    + " needs JZlib (com.jcraft:jzlib) on the web application's class path");
        }
        return b.maxWindowBits(serverBits).peerMaxWindowBits(windowBits(ctx, "deflate.clientMaxWindowBits")).build();
    }

    /** An LZ77 window size in bits, 8-15 as RFC 7692 allows, 15 when unset. */
    private static int windowBits(ServletContext ctx, String name) {
        long v = number(ctx, name, DeflateParameters.MAX_WINDOW_BITS);
        if (v < DeflateParameters.MIN_WINDOW_BITS || v > DeflateParameters.MAX_WINDOW_BITS) {
            throw new IllegalArgumentException(named(ctx, name) + "=" + v + " is out of range: from "
                    + DeflateParameters.MIN_WINDOW_BITS + " to " + DeflateParameters.MAX_WINDOW_BITS + " bits");
        }
        return (int) v;
    }

    /** At least 1 KiB: a smaller read buffer only multiplies reads (and 0 would read nothing, forever). */
    static int readBufferSize(ServletContext ctx) {
        return size(ctx, "readBufferSize", 16 * 1024, 1024);
    }

    /** A size in bytes from {@code min} to {@link Integer#MAX_VALUE}, refused with its name otherwise. */
    private static int size(ServletContext ctx, String name, int fallback, int min) {
        return range(ctx, name, fallback, min, Integer.MAX_VALUE, "bytes");
    }

    /** A count from {@code min} to {@code max} (in {@code unit}), refused with its name otherwise. */
    private static int range(ServletContext ctx, String name, int fallback, int min, int max, String unit) {
        long v = number(ctx, name, fallback);
        if (v < min || v > max) {
            throw new IllegalArgumentException(named(ctx, name) + "=" + v + " is out of range: from "
                    + min + " to " + max + " " + unit);
        }
        return (int) v;
    }

    /** A duration from {@code min} milliseconds up, refused with its name otherwise. */
    private static long millis(ServletContext ctx, String name, long fallback, long min) {
        long v = number(ctx, name, fallback);
        if (v < min) {
            throw new IllegalArgumentException(named(ctx, name) + "=" + v + " is out of range: "
                    + min + " ms or more");
        }
        return v;
    }

    /**
     * A setting as an error message names it: {@code context parameter dev.freeway.<name>}, or
     * {@code system property dev.freeway.<name>} when the value came from the JVM, so the reader
     * looks where it was set.
     */
    static String named(ServletContext ctx, String name) {
        return (ctx.getInitParameter(PREFIX + name) != null ? "context parameter " : "system property ") + PREFIX + name;
    }

    /** The context parameter {@code dev.freeway.<name>}, else the system property of that name, else null. */
    static String parameter(ServletContext ctx, String name) {
        String v = ctx.getInitParameter(PREFIX + name);
        return v != null ? v : System.getProperty(PREFIX + name);
    }

    private static long number(ServletContext ctx, String name, long fallback) {
        String v = parameter(ctx, name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(named(ctx, name) + "='" + v + "' is not a number");
        }
    }
}
