package dev.freeway.it.tomcat;

import dev.freeway.it.support.FreePort;
import org.jboss.arquillian.container.tomcat.embedded.Tomcat10EmbeddedContainer;
import org.jboss.arquillian.container.tomcat.embedded.TomcatEmbeddedConfiguration;

/**
 * Arquillian's embedded Tomcat (the adapter for Tomcat 10, which also drives Tomcat 11), with one
 * change: {@code bindHttpPort} 0 means "a free port". The adapter reports the configured port to
 * the tests, so it cannot simply pass 0 to Tomcat and let the operating system choose.
 */
public class FreePortTomcatContainer extends Tomcat10EmbeddedContainer {

    @Override
    public void setup(TomcatEmbeddedConfiguration configuration) {
        if (configuration.getBindHttpPort() == 0) {
            configuration.setBindHttpPort(FreePort.pick(configuration.getBindAddress()));
        }
        super.setup(configuration);
    }
}
