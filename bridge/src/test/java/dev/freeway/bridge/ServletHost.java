package dev.freeway.bridge;

import dev.freeway.bridge.server.BridgeInitializer;
import dev.freeway.servlet.FreewayInitializer;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;

import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A web application at {@code /app} on embedded Jetty 12.1 or Tomcat 11, loopback only, with
 * Freeway and the bridge's initializer as a WAR would have them: endpoints come from context
 * parameters or from a listener adding {@link ServerEndpointConfig}s, as application code does.
 */
public abstract class ServletHost implements AutoCloseable {
    /** The containers every bridge test runs on. */
    public static final List<String> KINDS = List.of("jetty", "tomcat");

    /** Starts {@code kind} with {@code parameters} as context parameters and {@code endpoints} deployed. */
    public static ServletHost start(String kind, Map<String, String> parameters, ServerEndpointConfig... endpoints)
            throws Exception {
        ServletContextListener deployer = new Deployer(List.of(endpoints));
        return kind.equals("jetty") ? new OnJetty(parameters, deployer) : new OnTomcat(parameters, deployer);
    }

    /** The port the container took. */
    public abstract int port();

    /** Stops the container. */
    @Override
    public abstract void close() throws java.io.IOException;

    /** {@code ws://127.0.0.1:port/app} followed by {@code path}. */
    public URI ws(String path) {
        return URI.create("ws://127.0.0.1:" + port() + "/app" + path);
    }

    /** Freeway's and the bridge's initializers, then one that registers the application's listener. */
    private static List<ServletContainerInitializer> initializers(ServletContextListener deployer) {
        return List.of(new FreewayInitializer(), new BridgeInitializer(), (classes, ctx) -> ctx.addListener(deployer));
    }

    /** Adds the endpoints once Freeway's server container exists, as an application's listener would. */
    private record Deployer(List<ServerEndpointConfig> endpoints) implements ServletContextListener {
        @Override
        public void contextInitialized(ServletContextEvent event) {
            ServletContext ctx = event.getServletContext();
            ServerContainer server = (ServerContainer) ctx.getAttribute(ServerContainer.class.getName());
            for (ServerEndpointConfig e : endpoints) {
                try {
                    server.addEndpoint(e);
                } catch (DeploymentException ex) {
                    throw new IllegalStateException(ex);
                }
            }
        }
    }

    /** Tomcat runs filters only for mapped requests: a WAR always has a default servlet, a bare context needs one. */
    public static final class NotFound extends HttpServlet {
        private static final long serialVersionUID = 1L;
    }

    private static final class OnJetty extends ServletHost {
        private final org.eclipse.jetty.server.Server server = new org.eclipse.jetty.server.Server();

        OnJetty(Map<String, String> parameters, ServletContextListener deployer) throws Exception {
            org.eclipse.jetty.server.ServerConnector connector = new org.eclipse.jetty.server.ServerConnector(server);
            connector.setHost("127.0.0.1");
            server.addConnector(connector);
            org.eclipse.jetty.ee11.servlet.ServletContextHandler ctx = new org.eclipse.jetty.ee11.servlet.ServletContextHandler("/app");
            parameters.forEach(ctx::setInitParameter);
            for (ServletContainerInitializer sci : initializers(deployer)) {
                ctx.addServletContainerInitializer(sci);
            }
            server.setHandler(ctx);
            server.start();
        }

        @Override
        public int port() {
            return ((org.eclipse.jetty.server.ServerConnector) server.getConnectors()[0]).getLocalPort();
        }

        @Override
        public void close() throws java.io.IOException {
            try {
                server.stop();
            } catch (Exception e) {
                throw new java.io.IOException("stopping Jetty", e);
            }
        }
    }

    private static final class OnTomcat extends ServletHost {
        private final org.apache.catalina.startup.Tomcat tomcat = new org.apache.catalina.startup.Tomcat();

        OnTomcat(Map<String, String> parameters, ServletContextListener deployer) throws Exception {
            tomcat.setBaseDir(Files.createTempDirectory("bridge-tomcat").toString());
            tomcat.setHostname("127.0.0.1");
            org.apache.catalina.connector.Connector connector = tomcat.getConnector();
            connector.setPort(0);
            connector.setProperty("address", "127.0.0.1");
            org.apache.catalina.Context ctx = tomcat.addContext("/app", Files.createTempDirectory("bridge-app").toString());
            parameters.forEach(ctx::addParameter);
            for (ServletContainerInitializer sci : initializers(deployer)) {
                ctx.addServletContainerInitializer(sci, Set.of());
            }
            org.apache.catalina.startup.Tomcat.addServlet(ctx, "none", new NotFound());
            ctx.addServletMappingDecoded("/", "none");
            tomcat.start();
        }

        @Override
        public int port() {
            return tomcat.getConnector().getLocalPort();
        }

        @Override
        public void close() throws java.io.IOException {
            try {
                tomcat.stop();
                tomcat.destroy();
            } catch (org.apache.catalina.LifecycleException e) {
                throw new java.io.IOException("stopping Tomcat", e);
            }
        }
    }
}
