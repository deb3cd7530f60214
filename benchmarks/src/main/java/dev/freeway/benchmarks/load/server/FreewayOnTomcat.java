package dev.freeway.benchmarks.load.server;

import dev.freeway.servlet.FreewayInitializer;

/** (a) Freeway on Tomcat 11, through its Servlet initializer. */
public final class FreewayOnTomcat implements ServerLauncher {
    @Override
    public int start(int port) throws Exception {
        return new EmbeddedTomcat(port)
                .initializer(new FreewayInitializer(), EchoEndpoint.class, LargeEchoEndpoint.class, StreamingHashEndpoint.class)
                .start();
    }
}
