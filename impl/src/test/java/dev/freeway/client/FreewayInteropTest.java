package dev.freeway.client;

/**
 * The client against Freeway's own server container (behind a tiny test server): both ends are
 * Freeway, so this checks the two roles agree; the Jetty and Tomcat tests check each against
 * someone else.
 */
class FreewayInteropTest extends InteropTestBase {
    @Override
    PeerServer startServer() throws Exception {
        return new FreewayTestServer();
    }
}
