package dev.freeway.bridge;

import dev.freeway.bridge.server.BridgeSettings;
import dev.freeway.bridge.server.BridgeTarget;
import dev.freeway.bridge.server.TcpBridge;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

/** The usual fixture: a TCP echo service, a bridge to it, deployed at {@code /echo} on a container. */
public final class BridgedEcho implements AutoCloseable {
    private final TcpService echo;
    private final TcpBridge bridge;
    private final ServletHost host;

    private BridgedEcho(TcpService echo, TcpBridge bridge, ServletHost host) {
        this.echo = echo;
        this.bridge = bridge;
        this.host = host;
    }

    public static BridgedEcho start(String kind) throws Exception {
        return start(kind, BridgeSettings.defaults());
    }

    public static BridgedEcho start(String kind, BridgeSettings settings) throws Exception {
        TcpService echo = TcpService.start(TcpService.echo());
        TcpBridge bridge = TcpBridge.to(BridgeTarget.parse(echo.hostAndPort()), settings);
        try {
            return new BridgedEcho(echo, bridge, ServletHost.start(kind, Map.of(), bridge.endpointConfig("/echo")));
        } catch (Exception e) {
            bridge.close();
            echo.close();
            throw e;
        }
    }

    /** The bridge's WebSocket URL. */
    public URI ws() {
        return host.ws("/echo");
    }

    public TcpBridge bridge() {
        return bridge;
    }

    @Override
    public void close() throws IOException {
        try (echo; bridge; host) {
            // closed in reverse: the container, the bridge, the service
        }
    }
}
