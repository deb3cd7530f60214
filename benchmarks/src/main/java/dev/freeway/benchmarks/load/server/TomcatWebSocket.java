package dev.freeway.benchmarks.load.server;

import org.apache.tomcat.websocket.server.WsSci;

/** (b) Tomcat 11's own WebSocket implementation (tomcat-embed-websocket). */
public final class TomcatWebSocket implements ServerLauncher {
    @Override
    public int start(int port) throws Exception {
        return new EmbeddedTomcat(port)
                .initializer(new WsSci(), EchoEndpoint.class, LargeEchoEndpoint.class, PartialHashEndpoint.class)
                .start();
    }
}
