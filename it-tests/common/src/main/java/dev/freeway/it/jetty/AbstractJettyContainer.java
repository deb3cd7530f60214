package dev.freeway.it.jetty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.client.protocol.metadata.Servlet;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.exporter.ExplodedExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * An Arquillian container that runs an embedded Jetty 12.1 {@link Server} and deploys each
 * {@link WebArchive} as a web application of its own, at the context root named by the archive
 * ({@code echo.war} at {@code /echo}, {@code ROOT.war} at {@code /}).
 *
 * <p>Only Jetty core is used here, so that one class serves every Jetty EE environment; subclasses
 * create the environment's {@code WebAppContext} (EE 11, EE 10), with annotation scanning so that
 * ServletContainerInitializers and their {@code @HandlesTypes} run as in a Jetty distribution.
 *
 * <p>Archives are exploded into the work directory rather than exported as {@code .war}: Jetty would
 * only unpack the zip again. Undeploying stops the context before removing it, so its
 * {@code ServletContextListener}s run, as they do on a real undeploy.
 *
 * <p>With {@code h2Tls} configured, a second connector serves TLS with h2 and http/1.1 chosen by
 * ALPN; its port and key store are published as the system properties {@link #TLS_PORT} and
 * {@link #TLS_KEY_STORE} (the tests run in the container's JVM, and the deployment's metadata has
 * room for one HTTP context only).
 */
public abstract class AbstractJettyContainer implements DeployableContainer<JettyConfiguration> {

    /** System property: the port of the TLS connector, set while the container runs with {@code h2Tls}. */
    public static final String TLS_PORT = "freeway.it.tls.port";

    /** System property: the PKCS12 key store of the TLS connector, whose certificate a client trusts. */
    public static final String TLS_KEY_STORE = "freeway.it.tls.keyStore";

    /** The password of the key store and of its key. */
    public static final String TLS_PASSWORD = "changeit";

    private JettyConfiguration configuration;
    private Server server;
    private ServerConnector connector;
    private ContextHandlerCollection contexts;
    private final Map<String, Deployment> deployments = new ConcurrentHashMap<>();

    private record Deployment(ContextHandler context, Path directory) {
    }

    @Override
    public Class<JettyConfiguration> getConfigurationClass() {
        return JettyConfiguration.class;
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        return new ProtocolDescription("Servlet 6.0");
    }

    @Override
    public void setup(JettyConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public void start() throws LifecycleException {
        server = new Server();
        connector = configuration.isHttp2() ? h2cConnector(server) : new ServerConnector(server);
        connector.setHost(configuration.getBindAddress());
        connector.setPort(configuration.getBindHttpPort());
        server.addConnector(connector);
        ServerConnector tls = null;
        contexts = new ContextHandlerCollection();
        server.setHandler(contexts);
        try {
            Path work = Files.createDirectories(Path.of(configuration.getWorkDir()));
            if (configuration.isH2Tls()) {
                tls = h2TlsConnector(server, SelfSignedKeyStore.create(work.resolve("tls"), TLS_PASSWORD));
                tls.setHost(configuration.getBindAddress());
                server.addConnector(tls);
            }
            server.start();
        } catch (Exception e) {
            throw new LifecycleException("could not start Jetty", e);
        }
        if (tls != null) {
            System.setProperty(TLS_PORT, Integer.toString(tls.getLocalPort()));
        }
    }

    /** A connector for HTTP/1.1 and h2c on one port (the first factory is the one plain connections get). */
    private static ServerConnector h2cConnector(Server server) {
        HttpConfiguration http = new HttpConfiguration();
        return new ServerConnector(server, new HttpConnectionFactory(http), new HTTP2CServerConnectionFactory(http));
    }

    /**
     * A TLS connector on a free port offering h2 and http/1.1 by ALPN (the JDK's own ALPN, through
     * jetty-alpn-java-server), h2 first; a client without ALPN gets HTTP/1.1. Jetty's HTTP/2 factory
     * announces RFC 8441's extended CONNECT, so {@code wss:} WebSockets run on h2 streams.
     */
    private static ServerConnector h2TlsConnector(Server server, Path keyStore) {
        SslContextFactory.Server keys = new SslContextFactory.Server();
        keys.setKeyStorePath(keyStore.toString());
        keys.setKeyStorePassword(TLS_PASSWORD);
        keys.setKeyStoreType("PKCS12");
        System.setProperty(TLS_KEY_STORE, keyStore.toString());
        HttpConfiguration http = new HttpConfiguration();
        // request.isSecure() and the https scheme for the applications behind this connector
        http.addCustomizer(new SecureRequestCustomizer());
        HttpConnectionFactory http11 = new HttpConnectionFactory(http);
        ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory();
        alpn.setDefaultProtocol(http11.getProtocol());
        return new ServerConnector(server, keys, alpn, new HTTP2ServerConnectionFactory(http), http11);
    }

    @Override
    public void stop() throws LifecycleException {
        try {
            server.stop();
        } catch (Exception e) {
            throw new LifecycleException("could not stop Jetty", e);
        } finally {
            deployments.values().forEach(deployment -> delete(deployment.directory()));
            deployments.clear();
            server = null;
            System.clearProperty(TLS_PORT);
            System.clearProperty(TLS_KEY_STORE);
        }
    }

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        if (!(archive instanceof WebArchive)) {
            throw new DeploymentException("only WebArchives can be deployed to Jetty: " + archive.getName());
        }
        String contextPath = contextPath(archive.getName());
        Path directory;
        try {
            directory = Files.createTempDirectory(Path.of(configuration.getWorkDir()), baseName(archive.getName()));
        } catch (IOException e) {
            throw new DeploymentException("cannot create a directory for " + archive.getName(), e);
        }
        archive.as(ExplodedExporter.class).exportExplodedInto(directory.toFile());

        ContextHandler context = createWebApp(directory, contextPath);
        contexts.addHandler(context);
        try {
            context.start();
        } catch (Exception e) {
            DeploymentException failure = new DeploymentException("could not deploy " + archive.getName(), e);
            try {
                undeploy(context, directory);
            } catch (DeploymentException | RuntimeException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
        deployments.put(archive.getName(), new Deployment(context, directory));

        HTTPContext http = new HTTPContext(configuration.getBindAddress(), connector.getLocalPort());
        // the Servlet entries carry the context root; @ArquillianResource URL is built from them
        for (String servlet : servletNames(context)) {
            http.add(new Servlet(servlet, contextPath));
        }
        return new ProtocolMetaData().addContext(http);
    }

    @Override
    public void undeploy(Archive<?> archive) throws DeploymentException {
        Deployment deployment = deployments.remove(archive.getName());
        if (deployment != null) {
            undeploy(deployment.context(), deployment.directory());
        }
    }

    /** @return the settings from {@code arquillian.xml} */
    protected JettyConfiguration configuration() {
        return configuration;
    }

    /**
     * Creates the web application for an exploded archive, not yet started.
     *
     * @param directory the exploded archive
     * @param contextPath the context path, {@code /} for the root context
     * @return the web application context; starting it must throw when the application fails
     */
    protected abstract ContextHandler createWebApp(Path directory, String contextPath);

    /**
     * Names the servlets of a started web application.
     *
     * @param context a context made by {@link #createWebApp}
     * @return the servlet names
     */
    protected abstract List<String> servletNames(ContextHandler context);

    private void undeploy(ContextHandler context, Path directory) throws DeploymentException {
        try {
            context.stop();
        } catch (Exception e) {
            throw new DeploymentException("could not stop " + context.getContextPath(), e);
        } finally {
            contexts.removeHandler(context);
            context.destroy();
            delete(directory);
        }
    }

    private static String contextPath(String archiveName) {
        String base = baseName(archiveName);
        return base.equals("ROOT") ? "/" : "/" + base;
    }

    private static String baseName(String archiveName) {
        return archiveName.endsWith(".war") ? archiveName.substring(0, archiveName.length() - 4) : archiveName;
    }

    private static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + directory, e);
        }
    }
}
