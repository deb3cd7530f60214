package dev.freeway.benchmarks.load.server;

import org.glassfish.tyrus.servlet.TyrusHttpUpgradeHandler;
import org.glassfish.tyrus.servlet.TyrusServletContainerInitializer;

import java.util.HashSet;
import java.util.Set;

/**
 * (e) Tyrus 2.2's servlet integration on Jetty 12.1 (EE 11): its initializer, as a WAR would get
 * it. Reports ready only after one echo went through; on Jetty 12.1.12 none does, because
 * {@code TyrusServletUpgrade.upgrade} commits the 101 ({@code flushBuffer()}) before Jetty runs
 * the upgrade, which Jetty then refuses (see benchmarks/README.md).
 */
public final class TyrusOnJetty implements ServerLauncher {
    /**
     * Tyrus buffers each frame up to this size (4 MiB by default, which refuses the 4 MiB echo);
     * raised to the echo endpoint's message limit.
     */
    static final String FRAME_BUFFER_SIZE = Integer.toString(LargeEchoEndpoint.MAX_MESSAGE_SIZE + 64);

    @Override
    public int start(int port) throws Exception {
        FirstLoggedFailure log = FirstLoggedFailure.install();
        EmbeddedJetty jetty = new EmbeddedJetty(port);
        jetty.context().setInitParameter(TyrusHttpUpgradeHandler.FRAME_BUFFER_SIZE, FRAME_BUFFER_SIZE);
        // A mutable set: Tyrus's initializer removes classes from it.
        jetty.context().addServletContainerInitializer(new TyrusServletContainerInitializer(),
                new HashSet<>(Set.of(EchoEndpoint.class, LargeEchoEndpoint.class, PartialHashEndpoint.class)).toArray(Class<?>[]::new));
        int bound = jetty.start();
        EchoSelfCheck.require("Tyrus 2.2.0 on Jetty 12.1.12", bound, log);
        return bound;
    }
}
