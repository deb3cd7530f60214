package dev.freeway.servlet;

import dev.freeway.container.ContainerDefaults;
import dev.freeway.engine.DeflateParameters;
import dev.freeway.engine.DeflateSettings;
import jakarta.servlet.ServletContext;

/**
 * Freeway's settings from the web application's context parameters ({@code web.xml}
 * {@code <context-param>}), so every container gets the same limits from the same place:
 *
 * <table>
 * <caption>context parameters</caption>
 * <tr><td>{@code dev.freeway.maxTextMessageBufferSize}</td><td>bytes, default 65536</td></tr>
 * <tr><td>{@code dev.freeway.maxBinaryMessageBufferSize}</td><td>bytes, default 65536</td></tr>
 * <tr><td>{@code dev.freeway.maxIdleTimeout}</td><td>milliseconds, 0 = none (default)</td></tr>
 * <tr><td>{@code dev.freeway.asyncSendTimeout}</td><td>milliseconds, default 30000</td></tr>
 * <tr><td>{@code dev.freeway.maxOutboundBytes}</td><td>bytes waiting for a slow peer, default 4194304</td></tr>
 * <tr><td>{@code dev.freeway.closeTimeout}</td><td>milliseconds, default 5000</td></tr>
 * <tr><td>{@code dev.freeway.permessageDeflate}</td><td>true (default) or false</td></tr>
 * <tr><td>{@code dev.freeway.readBufferSize}</td><td>bytes per read, default 16384</td></tr>
 * <tr><td>{@code dev.freeway.deflate.serverMaxWindowBits}</td><td>8-15, default 15: the largest
 *     window the server compresses with (and prefers when the client lets it choose); below 15
 *     needs JZlib</td></tr>
 * <tr><td>{@code dev.freeway.deflate.clientMaxWindowBits}</td><td>8-15, default 15: the largest
 *     window the server accepts from clients that offer {@code client_max_window_bits}</td></tr>
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
        return d;
    }

    static DeflateSettings deflate(ServletContext ctx) {
        String v = ctx.getInitParameter(PREFIX + "permessageDeflate");
        DeflateSettings.Builder b = DeflateSettings.builder().enabled(v == null || Boolean.parseBoolean(v.trim()));
        int serverBits = windowBits(ctx, "deflate.serverMaxWindowBits");
        if (serverBits < DeflateParameters.MAX_WINDOW_BITS && !b.build().smallWindows()) {
            // Refused at deployment rather than silently compressing with 32 KiB windows.
            throw new IllegalArgumentException("context parameter " + PREFIX + "deflate.serverMaxWindowBits=" + serverBits
                    + " needs JZlib (com.jcraft:jzlib) on the web application's class path");
        }
        return b.maxWindowBits(serverBits).peerMaxWindowBits(windowBits(ctx, "deflate.clientMaxWindowBits")).build();
    }

    /** An LZ77 window size in bits, 8-15 as RFC 7692 allows, 15 when unset. */
    private static int windowBits(ServletContext ctx, String name) {
        long v = number(ctx, name, DeflateParameters.MAX_WINDOW_BITS);
        if (v < DeflateParameters.MIN_WINDOW_BITS || v > DeflateParameters.MAX_WINDOW_BITS) {
            throw new IllegalArgumentException("context parameter " + PREFIX + name + "=" + v + " is out of range: from "
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
        long v = number(ctx, name, fallback);
        if (v < min || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("context parameter " + PREFIX + name + "=" + v + " is out of range: from "
                    + min + " to " + Integer.MAX_VALUE + " bytes");
        }
        return (int) v;
    }

    private static long number(ServletContext ctx, String name, long fallback) {
        String v = ctx.getInitParameter(PREFIX + name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("context parameter " + PREFIX + name + "='" + v + "' is not a number");
        }
    }
}
