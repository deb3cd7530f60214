package dev.freeway.spring.boot;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Freeway's settings as Spring Boot properties under {@code freeway.websocket}: each one is the
 * {@code dev.freeway.*} context parameter of the same name that a WAR sets in {@code web.xml}.
 * Sizes take Boot's units ({@code 64KB}, {@code 4MB}; bytes without one), durations too
 * ({@code 30s}; milliseconds without one). The defaults are Freeway's own.
 */
@ConfigurationProperties("freeway.websocket")
public class FreewayWebSocketProperties {
    /** Prefix of Freeway's context parameters, read by freeway-servlet-upgrade. */
    static final String PARAMETER_PREFIX = "dev.freeway.";

    /** Largest text message buffered whole; a larger one closes the session with 1009. */
    private DataSize maxTextMessageBufferSize = DataSize.ofKilobytes(64);

    /** Largest binary message buffered whole; a larger one closes the session with 1009. */
    private DataSize maxBinaryMessageBufferSize = DataSize.ofKilobytes(64);

    /** Time without traffic after which a session is closed with 1001; zero for none. */
    private Duration maxIdleTimeout = Duration.ZERO;

    /** Time a send may wait for the peer before it fails and the connection is dropped. */
    private Duration asyncSendTimeout = Duration.ofSeconds(30);

    /** Bytes a session may have waiting for a slow peer: blocking sends wait, async sends are refused. */
    private DataSize maxOutboundBytes = DataSize.ofMegabytes(4);

    /** Time to wait for the peer's close frame. */
    private Duration closeTimeout = Duration.ofSeconds(5);

    /**
     * Time the peers have to answer the 1001 (going away) every session is sent when the
     * application or the server stops; connections left then are dropped.
     */
    private Duration shutdownTimeout = Duration.ofSeconds(2);

    /** Whether permessage-deflate (RFC 7692) is offered. */
    private boolean permessageDeflate = true;

    /** Bytes per read, at least 1KB; buffers are pooled and held only while data moves. */
    private DataSize readBufferSize = DataSize.ofKilobytes(16);

    /**
     * The settings as Freeway's context parameters, by name, in the units Freeway reads (bytes,
     * milliseconds); freeway-servlet-upgrade checks their ranges at start-up.
     */
    Map<String, String> contextParameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(PARAMETER_PREFIX + "maxTextMessageBufferSize", bytes(maxTextMessageBufferSize));
        p.put(PARAMETER_PREFIX + "maxBinaryMessageBufferSize", bytes(maxBinaryMessageBufferSize));
        p.put(PARAMETER_PREFIX + "maxIdleTimeout", millis(maxIdleTimeout));
        p.put(PARAMETER_PREFIX + "asyncSendTimeout", millis(asyncSendTimeout));
        p.put(PARAMETER_PREFIX + "maxOutboundBytes", bytes(maxOutboundBytes));
        p.put(PARAMETER_PREFIX + "closeTimeout", millis(closeTimeout));
        p.put(PARAMETER_PREFIX + "shutdownTimeout", millis(shutdownTimeout));
        p.put(PARAMETER_PREFIX + "permessageDeflate", Boolean.toString(permessageDeflate));
        p.put(PARAMETER_PREFIX + "readBufferSize", bytes(readBufferSize));
        return p;
    }

    private static String bytes(DataSize size) {
        return Long.toString(size.toBytes());
    }

    private static String millis(Duration duration) {
        return Long.toString(duration.toMillis());
    }

    public DataSize getMaxTextMessageBufferSize() {
        return maxTextMessageBufferSize;
    }

    public void setMaxTextMessageBufferSize(DataSize maxTextMessageBufferSize) {
        this.maxTextMessageBufferSize = maxTextMessageBufferSize;
    }

    public DataSize getMaxBinaryMessageBufferSize() {
        return maxBinaryMessageBufferSize;
    }

    public void setMaxBinaryMessageBufferSize(DataSize maxBinaryMessageBufferSize) {
        this.maxBinaryMessageBufferSize = maxBinaryMessageBufferSize;
    }

    public Duration getMaxIdleTimeout() {
        return maxIdleTimeout;
    }

    public void setMaxIdleTimeout(Duration maxIdleTimeout) {
        this.maxIdleTimeout = maxIdleTimeout;
    }

    public Duration getAsyncSendTimeout() {
        return asyncSendTimeout;
    }

    public void setAsyncSendTimeout(Duration asyncSendTimeout) {
        this.asyncSendTimeout = asyncSendTimeout;
    }

    public DataSize getMaxOutboundBytes() {
        return maxOutboundBytes;
    }

    public void setMaxOutboundBytes(DataSize maxOutboundBytes) {
        this.maxOutboundBytes = maxOutboundBytes;
    }

    public Duration getCloseTimeout() {
        return closeTimeout;
    }

    public void setCloseTimeout(Duration closeTimeout) {
        this.closeTimeout = closeTimeout;
    }

    public Duration getShutdownTimeout() {
        return shutdownTimeout;
    }

    public void setShutdownTimeout(Duration shutdownTimeout) {
        this.shutdownTimeout = shutdownTimeout;
    }

    public boolean isPermessageDeflate() {
        return permessageDeflate;
    }

    public void setPermessageDeflate(boolean permessageDeflate) {
        this.permessageDeflate = permessageDeflate;
    }

    public DataSize getReadBufferSize() {
        return readBufferSize;
    }

    public void setReadBufferSize(DataSize readBufferSize) {
        this.readBufferSize = readBufferSize;
    }
}
