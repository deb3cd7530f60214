package dev.freeway.tck;

import dev.freeway.it.support.FreewayLibraries;
import dev.freeway.it.support.FreewayWar;
import org.jboss.arquillian.container.spi.event.container.BeforeDeploy;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Completes each WAR a TCK test class deploys the way a user deploys Freeway: Freeway's jars of this
 * build in {@code WEB-INF/lib} (the modules the build names in {@code freeway.it.lib.*}) and the
 * Tomcat {@code META-INF/context.xml} that keeps the container's own WebSocket implementation out.
 * The TCK's sources stay untouched; this is the vendor's part of a TCK run.
 *
 * <p>An observer of {@link BeforeDeploy} rather than an {@code ApplicationArchiveProcessor}: Arquillian
 * applies those to testable deployments only, and every TCK deployment is {@code testable = false}.
 */
public final class FreewayDeploymentCompleter {

    private static final String CONTEXT_XML = "META-INF/context.xml";

    /**
     * Adds Freeway to the archive about to be deployed.
     *
     * @param event the deployment Arquillian is about to hand to the container
     */
    public void addFreeway(@Observes BeforeDeploy event) {
        Archive<?> archive = event.getDeployment().getArchive();
        if (!(archive instanceof WebArchive war)) {
            throw new IllegalStateException("the WebSocket TCK deploys WARs only, not " + archive.getName());
        }
        FreewayLibraries.addTo(war);
        if (!war.contains(CONTEXT_XML)) {
            FreewayWar.filterTomcatWebSocket(war);
        }
    }
}
