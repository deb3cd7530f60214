package dev.freeway.cdi;

import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContext;

/**
 * Finds the application's {@link BeanManager} without JNDI: in the ServletContext attributes that
 * CDI integrations set (the standard name, and Weld Servlet's), else through {@link CDI#current()}.
 * The attributes come first because they belong to this application; {@code CDI.current()} may
 * answer for another one where a CDI implementation is shared.
 */
final class BeanManagerLookup {
    /** The attribute some integrations set. */
    static final String STANDARD_ATTRIBUTE = BeanManager.class.getName();
    /** The attribute Weld Servlet sets (its package, then the BeanManager's name). */
    static final String WELD_SERVLET_ATTRIBUTE = "org.jboss.weld.environment.servlet." + BeanManager.class.getName();

    private BeanManagerLookup() {
    }

    /** The application's bean manager, or {@code null} when it has no CDI container. */
    static BeanManager find(ServletContext ctx) {
        for (String name : new String[] {STANDARD_ATTRIBUTE, WELD_SERVLET_ATTRIBUTE}) {
            if (ctx.getAttribute(name) instanceof BeanManager) {
                return (BeanManager) ctx.getAttribute(name);
            }
        }
        try {
            return CDI.current().getBeanManager();
        } catch (IllegalStateException | UnsupportedOperationException e) {
            return null; // no CDI provider, or none started for this class loader
        }
    }
}
