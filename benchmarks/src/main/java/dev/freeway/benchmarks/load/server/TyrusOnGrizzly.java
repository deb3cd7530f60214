package dev.freeway.benchmarks.load.server;

import org.glassfish.tyrus.core.TyrusWebSocketEngine;
import org.glassfish.tyrus.server.Server;

import java.util.Map;

/**
 * Tyrus 2.2, the Jakarta WebSocket reference implementation, on its own stand-alone Grizzly
 * server (tyrus-container-grizzly-server, Grizzly's defaults), with the same endpoint classes as
 * the others. Its {@code /status} is on a side port ({@link StatusPort}): the stand-alone server
 * routes nothing but WebSocket endpoints.
 */
public final class TyrusOnGrizzly implements ServerLauncher {
    private int statusPort = -1;

    @Override
    public int start(int port) throws Exception {
        FirstLoggedFailure log = FirstLoggedFailure.install();
        // Tyrus buffers each frame whole up to this size; raised to the large echo's limit, as the
        // servlet launchers do (not through TyrusOnJetty's constant: that class needs the Servlet API)
        Server server = new Server("127.0.0.1", port, "/",
                Map.of(TyrusWebSocketEngine.INCOMING_BUFFER_SIZE, LargeEchoEndpoint.MAX_MESSAGE_SIZE + 64),
                EchoEndpoint.class, LargeEchoEndpoint.class, PartialHashEndpoint.class);
        server.start();
        statusPort = StatusPort.start();
        EchoSelfCheck.require("Tyrus 2.2.0 on Grizzly", server.getPort(), log);
        return server.getPort();
    }

    @Override
    public int statusPort() {
        return statusPort;
    }
}
