package dev.freeway.it.tomcat;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.tomcat.embedded.Tomcat10EmbeddedContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Puts {@link FreePortTomcatContainer} in place of the adapter's own container. Registered only by
 * the Tomcat modules (their {@code META-INF/services}), since it needs the Tomcat adapter.
 */
public class TomcatExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.override(DeployableContainer.class, Tomcat10EmbeddedContainer.class, FreePortTomcatContainer.class);
    }
}
