package dev.freeway.it.undertow;

import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.server.handlers.PathHandler;
import io.undertow.server.handlers.resource.PathResourceManager;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;
import io.undertow.servlet.api.ServletContainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
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
 * An Arquillian container that runs an embedded Undertow 2.3 server and deploys each
 * {@link WebArchive} as a Servlet deployment of its own ({@code echo.war} at {@code /echo},
 * {@code ROOT.war} at {@code /}), the way an application server built on Undertow does: the WAR gets
 * a class loader of its own ({@link WarClassLoader}), and its descriptor, annotated components and
 * ServletContainerInitializers are applied by {@link WarDeployment}, since Undertow's Servlet
 * deployment takes only what it is given. No released Arquillian adapter deploys into plain Undertow.
 *
 * <p>Undeploying stops the deployment before its path is removed, so its
 * {@code ServletContextListener}s run while its connections are still open, as on a real undeploy.
 */
public class Undertow23Container implements DeployableContainer<UndertowConfiguration> {

    private UndertowConfiguration configuration;
    private ServletContainer servlets;
    private PathHandler paths;
    private Undertow server;
    private int port;
    private final Map<String, Deployed> deployments = new ConcurrentHashMap<>();

    private record Deployed(DeploymentManager manager, DeploymentInfo info, String contextPath, Path directory,
                            WarClassLoader loader) {
    }

    @Override
    public Class<UndertowConfiguration> getConfigurationClass() {
        return UndertowConfiguration.class;
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        return new ProtocolDescription("Servlet 6.0");
    }

    @Override
    public void setup(UndertowConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public void start() throws LifecycleException {
        servlets = ServletContainer.Factory.newInstance();
        paths = Handlers.path();
        server = Undertow.builder()
                .addHttpListener(configuration.getBindHttpPort(), configuration.getBindAddress())
                .setHandler(paths)
                .build();
        try {
            Files.createDirectories(Path.of(configuration.getWorkDir()));
            server.start();
        } catch (IOException | RuntimeException e) {
            throw new LifecycleException("could not start Undertow", e);
        }
        port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    @Override
    public void stop() throws LifecycleException {
        try {
            for (String name : deployments.keySet()) {
                undeploy(deployments.remove(name));
            }
            server.stop();
        } catch (RuntimeException | DeploymentException e) {
            throw new LifecycleException("could not stop Undertow", e);
        } finally {
            server = null;
        }
    }

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        if (!(archive instanceof WebArchive)) {
            throw new DeploymentException("only WebArchives can be deployed to Undertow: " + archive.getName());
        }
        String base = archive.getName().replaceFirst("\\.war$", "");
        String contextPath = base.equals("ROOT") ? "/" : "/" + base;
        Path directory;
        try {
            directory = Files.createTempDirectory(Path.of(configuration.getWorkDir()), base);
        } catch (IOException e) {
            throw new DeploymentException("cannot create a directory for " + archive.getName(), e);
        }
        archive.as(ExplodedExporter.class).exportExplodedInto(directory.toFile());

        WarClassLoader loader = WarDeployment.classLoaderFor(directory, base, getClass().getClassLoader());
        DeploymentInfo info = null;
        DeploymentManager manager;
        try {
            info = WarDeployment.describe(directory, loader)
                    .setContextPath(contextPath)
                    .setDeploymentName(archive.getName())
                    .setResourceManager(new PathResourceManager(directory))
                    .setTempDir(directory.resolve("WEB-INF/tmp").toFile());
            manager = servlets.addDeployment(info);
            manager.deploy();
            paths.addPrefixPath(contextPath, manager.start());
        } catch (Exception | LinkageError e) {
            if (info != null && servlets.getDeployment(info.getDeploymentName()) != null) {
                servlets.removeDeployment(info);
            }
            close(loader);
            delete(directory);
            throw new DeploymentException("could not deploy " + archive.getName(), e);
        }
        deployments.put(archive.getName(), new Deployed(manager, info, contextPath, directory, loader));

        HTTPContext http = new HTTPContext(configuration.getBindAddress(), port);
        // the Servlet entries carry the context root; @ArquillianResource URL is built from them
        for (String servlet : manager.getDeployment().getServlets().getServletHandlers().keySet()) {
            http.add(new Servlet(servlet, contextPath));
        }
        return new ProtocolMetaData().addContext(http);
    }

    @Override
    public void undeploy(Archive<?> archive) throws DeploymentException {
        Deployed deployed = deployments.remove(archive.getName());
        if (deployed != null) {
            undeploy(deployed);
        }
    }

    private void undeploy(Deployed deployed) throws DeploymentException {
        try {
            deployed.manager().stop();
            deployed.manager().undeploy();
        } catch (Exception e) {
            throw new DeploymentException("could not stop " + deployed.contextPath(), e);
        } finally {
            paths.removePrefixPath(deployed.contextPath());
            servlets.removeDeployment(deployed.info());
            close(deployed.loader());
            delete(deployed.directory());
        }
    }

    private static void close(WarClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the class loader of " + loader.getName(), e);
        }
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
