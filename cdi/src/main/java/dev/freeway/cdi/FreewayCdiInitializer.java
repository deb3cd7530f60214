package dev.freeway.cdi;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;

import java.util.Set;

/**
 * Connects Freeway to CDI in a web application that has freeway-cdi (found by the Servlet
 * container through {@code META-INF/services}). It refers to no CDI type itself, so a WAR with
 * freeway-cdi but without the CDI API still starts, and says so only at debug level.
 */
public final class FreewayCdiInitializer implements ServletContainerInitializer {
    private static final System.Logger LOG = System.getLogger(FreewayCdiInitializer.class.getName());
    private static final String CDI_API = "jakarta.enterprise.inject.spi.BeanManager";

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext ctx) {
        try {
            Class.forName(CDI_API, false, FreewayCdiInitializer.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            LOG.log(System.Logger.Level.DEBUG, "no CDI API in ''{0}'': Freeway runs without CDI", ctx.getContextPath());
            return;
        }
        ctx.addListener(new CdiInstaller());
    }
}
