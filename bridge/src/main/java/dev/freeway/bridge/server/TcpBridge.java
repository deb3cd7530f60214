package dev.freeway.bridge.server;

import dev.freeway.bridge.StreamSubprotocol;

import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A WebSocket-to-TCP bridge, websockify-compatible: every WebSocket accepted at the bridge's path
 * gets a new TCP connection to one service, and bytes flow both ways unchanged until either side
 * closes. A WAR deploys one in a few lines:
 *
 * <pre>{@code
 * TcpBridge vnc = TcpBridge.to(BridgeTarget.parse("localhost:5900"), BridgeSettings.defaults());
 * serverContainer.addEndpoint(vnc.endpointConfig("/bridge/vnc"));
 * // and vnc.close() when the application stops
 * }</pre>
 *
 * or without code through context parameters (see {@link BridgeInitializer}).
 *
 * <p>Framing: the {@code binary} and {@code base64} subprotocols, chosen as
 * {@link StreamSubprotocol#choose} says. Closes: the target's end closes the WebSocket with 1000
 * ("Target closed"), a failed or timed-out connect or a broken TCP connection with 1014 and the
 * reason, a refused target with 1008, too many connections with 1013, idleness with 1001; the
 * WebSocket's end closes the TCP connection once the bytes queued for it are written.
 *
 * <p>Threads and memory: one selector thread per bridge (non-blocking NIO), whatever the number
 * of connections, so a connection waiting for a slow peer holds no thread; each connection holds
 * at most one buffer in each direction (see {@link BridgeSettings#bufferSize()}).
 */
public final class TcpBridge implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(TcpBridge.class.getName());

    private final TargetChooser chooser;
    private final AllowList allowList;
    private final BridgeSettings settings;
    private final BridgeReactor reactor;
    private final Semaphore connections;
    private final AtomicLong buffered = new AtomicLong();
    private final AtomicLong peak = new AtomicLong();
    private volatile Set<String> origins = Set.of();

    private TcpBridge(TargetChooser chooser, AllowList allowList, BridgeSettings settings) {
        this.chooser = chooser;
        this.allowList = allowList;
        this.settings = settings;
        this.connections = new Semaphore(settings.maxConnections());
        this.reactor = new BridgeReactor("freeway-bridge@" + Integer.toHexString(System.identityHashCode(this)));
    }

    /** A bridge from every WebSocket to {@code target}. */
    public static TcpBridge to(BridgeTarget target, BridgeSettings settings) {
        Objects.requireNonNull(target, "target");
        return new TcpBridge(request -> target, AllowList.of(target.toString()), settings);
    }

    /**
     * A bridge to a target {@code chooser} picks per handshake, only ever one on
     * {@code allowList}; anything else is refused (close 1008).
     */
    public static TcpBridge choosing(TargetChooser chooser, AllowList allowList, BridgeSettings settings) {
        return new TcpBridge(Objects.requireNonNull(chooser, "chooser"), Objects.requireNonNull(allowList, "allowList"),
                settings);
    }

    /**
     * Accepts handshakes only from pages of these origins ({@code https://app.example.com}); the
     * others get 403. A browser sends its cookies and credentials to the bridge from any page,
     * so a bridge behind cookie authentication needs this (cross-site WebSocket hijacking). Set
     * before the endpoint is deployed; none set leaves the container's default check.
     *
     * @return this bridge
     */
    public TcpBridge requireOrigin(String... allowed) {
        this.origins = Set.of(allowed);
        return this;
    }

    /**
     * The endpoint to deploy at {@code path} (a URI template: path parameters reach a
     * {@link TargetChooser} through the handshake's parameter map).
     */
    public ServerEndpointConfig endpointConfig(String path) {
        return ServerEndpointConfig.Builder.create(BridgeEndpoint.class, path)
                .subprotocols(List.of(StreamSubprotocol.BINARY.token(), StreamSubprotocol.BASE64.token()))
                .configurator(new BridgeConfigurator(this))
                .build();
    }

    /** The settings this bridge enforces. */
    public BridgeSettings settings() {
        return settings;
    }

    /** Bytes the bridge holds now, all connections and both directions together. */
    public long bufferedBytes() {
        return buffered.get();
    }

    /** The most {@link #bufferedBytes()} has been since the bridge started: what sizing needs to know. */
    public long peakBufferedBytes() {
        return peak.get();
    }

    /** Connections open now (connecting included). */
    public int openConnections() {
        return settings.maxConnections() - connections.availablePermits();
    }

    /** Closes every bridged connection (WebSockets with 1001) and stops the bridge's threads. */
    @Override
    public void close() {
        reactor.close();
    }

    /** The target for a handshake, or why there is none (a close reason phrase). */
    Object route(HandshakeRequest request) {
        BridgeTarget target;
        try {
            target = chooser.choose(request);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the bridge's target chooser failed", e);
            return "no target for this request";
        }
        if (target == null) {
            return "no target for this request";
        }
        if (!allowList.permits(target)) {
            LOG.log(System.Logger.Level.WARNING, "bridge target {0} refused: not on the allow-list", target);
            return "target not allowed";
        }
        return target;
    }

    /** Whether the origin check is the bridge's, and if so whether {@code origin} passes. */
    Optional<Boolean> originAllowed(String origin) {
        Set<String> allowed = origins;
        return allowed.isEmpty() ? Optional.empty() : Optional.of(origin != null && allowed.contains(origin));
    }

    boolean tryOpen() {
        return connections.tryAcquire();
    }

    void released() {
        connections.release();
    }

    void buffered(long delta) {
        long now = buffered.addAndGet(delta);
        if (delta > 0) {
            peak.accumulateAndGet(now, Math::max);
        }
    }

    BridgeReactor reactor() {
        return reactor;
    }
}
