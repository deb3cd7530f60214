package dev.freeway.benchmarks.load.server;

import org.glassfish.tyrus.servlet.TyrusHttpUpgradeHandler;
import org.glassfish.tyrus.servlet.TyrusServletContainerInitializer;

/**
 * (e) Tyrus 2.2's servlet integration on Tomcat 11: its initializer, as a WAR would get it.
 * Reports ready only after one echo went through; on Tomcat 11.0.25 none does, because
 * {@code TyrusServletWriter.write} asks {@code isReady()} of the upgraded output stream before it
 * ever set a {@code WriteListener}, which Tomcat refuses (see benchmarks/README.md).
 */
public final class TyrusOnTomcat implements ServerLauncher {
    @Override
    public int start(int port) throws Exception {
        FirstLoggedFailure log = FirstLoggedFailure.install();
        int bound = new EmbeddedTomcat(port)
                .parameter(TyrusHttpUpgradeHandler.FRAME_BUFFER_SIZE, TyrusOnJetty.FRAME_BUFFER_SIZE)
                .initializer(new TyrusServletContainerInitializer(), EchoEndpoint.class, LargeEchoEndpoint.class, PartialHashEndpoint.class)
                .start();
        EchoSelfCheck.require("Tyrus 2.2.0 on Tomcat 11.0.25", bound, log);
        return bound;
    }
}
