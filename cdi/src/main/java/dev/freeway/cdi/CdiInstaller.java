package dev.freeway.cdi;

import dev.freeway.container.FreewayServerContainer;
import dev.freeway.servlet.FreewayInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/**
 * Installs the CDI hooks on the application's Freeway container once every initializer has run
 * (so the container exists whichever initializer ran first) and before any request is served.
 */
final class CdiInstaller implements ServletContextListener {
    private static final System.Logger LOG = System.getLogger(CdiInstaller.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext ctx = event.getServletContext();
        Object container = ctx.getAttribute(FreewayInitializer.CONTAINER_ATTRIBUTE);
        if (!(container instanceof FreewayServerContainer)) {
            LOG.log(System.Logger.Level.DEBUG, "no Freeway container in ''{0}'': nothing for freeway-cdi to do",
                    ctx.getContextPath());
            return;
        }
        FreewayServerContainer freeway = (FreewayServerContainer) container;
        CdiBridge bridge = new CdiBridge(ctx, freeway);
        freeway.setEndpointFactory(new CdiEndpointFactory(bridge));
        freeway.addSessionInterceptor(new CdiSessionInterceptor(bridge));
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        // CDI's own shutdown (FreewayCdiExtension) destroys what sessions still hold.
    }
}
