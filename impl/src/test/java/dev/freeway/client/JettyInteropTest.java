package dev.freeway.client;

/** The client against Jetty 12.1's own Jakarta WebSocket server. */
class JettyInteropTest extends InteropTestBase {
    @Override
    PeerServer startServer() throws Exception {
        return JettyServer.start();
    }
}
