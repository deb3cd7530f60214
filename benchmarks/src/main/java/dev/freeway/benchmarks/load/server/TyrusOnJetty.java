package dev.freeway.benchmarks.load.server;

import org.glassfish.tyrus.servlet.TyrusHttpUpgradeHandler;
import org.glassfish.tyrus.servlet.TyrusServletContainerInitializer;

import java.util.HashSet;
import java.util.Set;

/**
 * (e) Tyrus 2.2's servlet integration, on Jetty 12.1. (On Tomcat 11 it cannot echo: Tyrus writes
 * the upgraded stream in blocking mode after asking {@code isReady()}, which Tomcat 11 refuses with
 * "It is illegal to call canWrite() when the ServletOutputStream is not in non-blocking mode".)
 */
public final class TyrusOnJetty implements ServerLauncher {
    /**
     * Tyrus buffers each frame up to this size (4 MiB by default, which refuses the 4 MiB echo);
     * raised to the echo endpoint's message limit.
     */
    private static final String FRAME_BUFFER_SIZE = Integer.toString(LargeEchoEndpoint.MAX_MESSAGE_SIZE + 64);

    @Override
    public int start(int port) throws Exception {
        EmbeddedJetty jetty = new EmbeddedJetty(port);
        jetty.context().setInitParameter(TyrusHttpUpgradeHandler.FRAME_BUFFER_SIZE, FRAME_BUFFER_SIZE);
        // A mutable set: Tyrus's initializer removes classes from it.
        jetty.context().addServletContainerInitializer(new TyrusServletContainerInitializer(),
                new HashSet<>(Set.of(EchoEndpoint.class, LargeEchoEndpoint.class, PartialHashEndpoint.class)).toArray(Class<?>[]::new));
        return jetty.start();
    }
}
