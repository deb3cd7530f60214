package dev.freeway.client;

/** The client against Tomcat 11's own Jakarta WebSocket server. */
class TomcatInteropTest extends InteropTestBase {
    @Override
    PeerServer startServer() throws Exception {
        return new TomcatServer();
    }
}
