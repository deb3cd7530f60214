package dev.freeway.tck;

import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Registers {@link FreewayDeploymentCompleter}, so that every TCK deployment carries Freeway. The
 * container modules register their container's extension beside it.
 */
public final class FreewayTckExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(FreewayDeploymentCompleter.class);
    }
}
