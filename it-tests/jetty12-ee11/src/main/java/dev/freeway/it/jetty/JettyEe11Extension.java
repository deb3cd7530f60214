package dev.freeway.it.jetty;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;

/** Registers {@link Jetty12Ee11Container} with Arquillian. */
public class JettyEe11Extension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.service(DeployableContainer.class, Jetty12Ee11Container.class);
    }
}
