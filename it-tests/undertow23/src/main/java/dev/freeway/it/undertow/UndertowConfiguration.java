package dev.freeway.it.undertow;

import java.nio.file.Path;
import org.jboss.arquillian.container.spi.ConfigurationException;
import org.jboss.arquillian.container.spi.client.container.ContainerConfiguration;

/**
 * Settings of the embedded Undertow container, read by Arquillian from the {@code arquillian.xml}
 * container entry (property names are the bean property names below).
 */
public class UndertowConfiguration implements ContainerConfiguration {

    private String bindAddress = "127.0.0.1";
    private int bindHttpPort;
    private String workDir = Path.of(System.getProperty("java.io.tmpdir"), "freeway-it-undertow").toString();

    @Override
    public void validate() throws ConfigurationException {
        if (bindHttpPort < 0 || bindHttpPort > 65535) {
            throw new ConfigurationException("bindHttpPort must be 0 (any free port) to 65535: " + bindHttpPort);
        }
    }

    /** @return the address the listener binds; loopback by default */
    public String getBindAddress() {
        return bindAddress;
    }

    /** @param bindAddress the address the listener binds */
    public void setBindAddress(String bindAddress) {
        this.bindAddress = bindAddress;
    }

    /** @return the port; 0 for any free one */
    public int getBindHttpPort() {
        return bindHttpPort;
    }

    /** @param bindHttpPort the port; 0 for any free one */
    public void setBindHttpPort(int bindHttpPort) {
        this.bindHttpPort = bindHttpPort;
    }

    /** @return where archives are exploded */
    public String getWorkDir() {
        return workDir;
    }

    /** @param workDir where archives are exploded */
    public void setWorkDir(String workDir) {
        this.workDir = workDir;
    }
}
