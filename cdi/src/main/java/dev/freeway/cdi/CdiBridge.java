package dev.freeway.cdi;

import dev.freeway.container.FreewayServerContainer;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.servlet.ServletContext;

/**
 * Connects one application's Freeway container to its CDI container, looked up at the first
 * handshake rather than at start-up: CDI implementations boot in their own initializer or listener,
 * in an order nothing guarantees, but always before requests are served. The outcome, CDI or none,
 * is kept.
 */
final class CdiBridge {
    private static final System.Logger LOG = System.getLogger(CdiBridge.class.getName());

    private final ServletContext ctx;
    private final FreewayServerContainer container;
    private final Object lock = new Object();
    private volatile boolean looked;
    private volatile CdiRuntime runtime;

    CdiBridge(ServletContext ctx, FreewayServerContainer container) {
        this.ctx = ctx;
        this.container = container;
    }

    /** The application's CDI, or {@code null} when it has none that Freeway can use. */
    CdiRuntime runtime() {
        if (!looked) {
            synchronized (lock) {
                if (!looked) {
                    runtime = lookUp();
                    looked = true;
                }
            }
        }
        return runtime;
    }

    private CdiRuntime lookUp() {
        String app = "'" + ctx.getContextPath() + "'";
        BeanManager bm = BeanManagerLookup.find(ctx);
        if (bm == null) {
            LOG.log(System.Logger.Level.INFO, "Freeway found no CDI container in {0}: WebSocket endpoints are created "
                    + "by their configurators, without injection", app);
            return null;
        }
        try {
            CdiRuntime cdi = CdiRuntime.of(bm);
            // The application is stopping when CDI does: sessions close (1001) while beans still work.
            cdi.extension().beforeEnd(container::close);
            LOG.log(System.Logger.Level.INFO, "Freeway WebSocket endpoints in {0} are CDI beans", app);
            return cdi;
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "The CDI container of " + app + " does not run Freeway's extension "
                    + FreewayCdiExtension.class.getName() + " (is freeway-cdi visible to it?): WebSocket endpoints are "
                    + "created by their configurators, without injection", e);
            return null;
        }
    }
}
