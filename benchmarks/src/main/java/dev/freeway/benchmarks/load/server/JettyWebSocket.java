package dev.freeway.benchmarks.load.server;

import org.eclipse.jetty.ee11.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;

/** (d) Jetty 12.1's own Jakarta WebSocket implementation (jetty-ee11-websocket-jakarta-server). */
public final class JettyWebSocket implements ServerLauncher {
    @Override
    public int start(int port) throws Exception {
        EmbeddedJetty jetty = new EmbeddedJetty(port);
        JakartaWebSocketServletContainerInitializer.configure(jetty.context(), (servletContext, container) -> {
            container.addEndpoint(EchoEndpoint.class);
            container.addEndpoint(LargeEchoEndpoint.class);
            container.addEndpoint(PartialHashEndpoint.class);
        });
        return jetty.start();
    }
}
