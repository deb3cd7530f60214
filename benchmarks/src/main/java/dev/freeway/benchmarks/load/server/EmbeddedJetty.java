package dev.freeway.benchmarks.load.server;

import jakarta.servlet.ServletContainerInitializer;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** Jetty 12.1 (EE 11) on 127.0.0.1 with one root context: {@code /status} and what the launcher adds. */
final class EmbeddedJetty {
    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final ServletContextHandler context = new ServletContextHandler("/");

    EmbeddedJetty(int port) {
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        context.addServlet(new ServletHolder(new StatusServlet()), "/status");
        server.setHandler(context);
    }

    ServletContextHandler context() {
        return context;
    }

    EmbeddedJetty initializer(ServletContainerInitializer sci, Class<?>... endpoints) {
        context.addServletContainerInitializer(sci, endpoints);
        return this;
    }

    int start() throws Exception {
        server.start();
        return connector.getLocalPort();
    }
}
