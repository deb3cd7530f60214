package dev.freeway.it.jetty;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;

/** Registers {@link Jetty12Ee10Container} with Arquillian. */
public class JettyEe10Extension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.service(DeployableContainer.class, Jetty12Ee10Container.class);
    }
}
