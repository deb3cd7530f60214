package dev.freeway.benchmarks.load.server;

import dev.freeway.servlet.FreewayInitializer;

/** (c) Freeway on Jetty 12.1 (EE 11), through its Servlet initializer. */
public final class FreewayOnJetty implements ServerLauncher {
    @Override
    public int start(int port) throws Exception {
        return new EmbeddedJetty(port)
                .initializer(new FreewayInitializer(), EchoEndpoint.class, LargeEchoEndpoint.class, StreamingHashEndpoint.class)
                .start();
    }
}
