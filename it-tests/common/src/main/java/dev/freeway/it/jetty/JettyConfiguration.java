package dev.freeway.it.jetty;

import java.nio.file.Path;
import org.jboss.arquillian.container.spi.ConfigurationException;
import org.jboss.arquillian.container.spi.client.container.ContainerConfiguration;

/**
 * Settings of our embedded Jetty containers, read by Arquillian from the {@code arquillian.xml}
 * container entry (property names are the bean property names below).
 */
public class JettyConfiguration implements ContainerConfiguration {

    private String bindAddress = "127.0.0.1";
    private int bindHttpPort;
    private String workDir = Path.of(System.getProperty("java.io.tmpdir"), "freeway-it-jetty").toString();
    private boolean failDeploymentOnStartupError = true;
    private boolean http2;
    private boolean h2Tls;

    @Override
    public void validate() throws ConfigurationException {
        if (bindHttpPort < 0 || bindHttpPort > 65535) {
            throw new ConfigurationException("bindHttpPort must be 0 (any free port) to 65535: " + bindHttpPort);
        }
        if (bindAddress == null || bindAddress.isBlank()) {
            throw new ConfigurationException("bindAddress must be set");
        }
    }

    /** @return the address the connector listens on; loopback by default */
    public String getBindAddress() {
        return bindAddress;
    }

    /** @param bindAddress the address the connector listens on */
    public void setBindAddress(String bindAddress) {
        this.bindAddress = bindAddress;
    }

    /** @return the port, 0 (the default) for one the operating system picks */
    public int getBindHttpPort() {
        return bindHttpPort;
    }

    /** @param bindHttpPort the port, 0 for one the operating system picks */
    public void setBindHttpPort(int bindHttpPort) {
        this.bindHttpPort = bindHttpPort;
    }

    /** @return the directory deployed archives are exploded into */
    public String getWorkDir() {
        return workDir;
    }

    /** @param workDir the directory deployed archives are exploded into */
    public void setWorkDir(String workDir) {
        this.workDir = workDir;
    }

    /**
     * @return whether a web application that fails to start (a failing ServletContainerInitializer or
     *         listener) fails {@code deploy()}; true by default, so that a broken test WAR is reported
     *         where it happens
     */
    public boolean isFailDeploymentOnStartupError() {
        return failDeploymentOnStartupError;
    }

    /**
     * @param failDeploymentOnStartupError false to behave as a stand-alone Jetty does: the application
     *        that failed stays deployed and unavailable, and the server goes on (the Jakarta TCK's
     *        negative deployment tests expect that and then check that nothing answers)
     */
    public void setFailDeploymentOnStartupError(boolean failDeploymentOnStartupError) {
        this.failDeploymentOnStartupError = failDeploymentOnStartupError;
    }

    /** @return whether the connector serves cleartext HTTP/2 (h2c) beside HTTP/1.1 */
    public boolean isHttp2() {
        return http2;
    }

    /**
     * Serves cleartext HTTP/2 (h2c, by prior knowledge or by the HTTP/1.1 Upgrade) beside HTTP/1.1 on
     * the one port; Jetty then announces RFC 8441's extended CONNECT, so WebSockets run over HTTP/2
     * streams too. HTTP/1.1 clients see no difference.
     *
     * @param http2 {@code true} for h2c
     */
    public void setHttp2(boolean http2) {
        this.http2 = http2;
    }

    /** @return whether a second connector serves TLS with h2 and http/1.1 chosen by ALPN */
    public boolean isH2Tls() {
        return h2Tls;
    }

    /**
     * Adds a TLS connector on a free port of the bind address, with a self-signed certificate for
     * {@code localhost} made at start-up, offering h2 (with RFC 8441) and http/1.1 by ALPN; see
     * {@link AbstractJettyContainer#TLS_PORT} for how tests find it.
     *
     * @param h2Tls {@code true} for the TLS connector
     */
    public void setH2Tls(boolean h2Tls) {
        this.h2Tls = h2Tls;
    }
}
