package dev.freeway.client;

import jakarta.websocket.server.ServerEndpointConfig;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import java.nio.file.Path;

/** Embedded Jetty 12.1 (EE 11) running Jetty's own Jakarta WebSocket server with {@link ServerEndpoints}. */
final class JettyServer implements PeerServer {
    private final Server server = new Server();
    private final ServerConnector connector;
    private final boolean secure;

    /** Plain HTTP on a free loopback port. */
    static JettyServer start() throws Exception {
        return new JettyServer(null, null);
    }

    /** HTTPS with the key pair in {@code keyStore} (PKCS12). */
    static JettyServer startTls(Path keyStore, String password) throws Exception {
        return new JettyServer(keyStore, password);
    }

    private JettyServer(Path keyStore, String password) throws Exception {
        secure = keyStore != null;
        if (secure) {
            SslContextFactory.Server tls = new SslContextFactory.Server();
            tls.setKeyStorePath(keyStore.toString());
            tls.setKeyStorePassword(password);
            tls.setKeyStoreType("PKCS12");
            // Jetty checks by default that the Host names the certificate; tests reach it by IP too.
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            secure.setSniHostCheck(false);
            HttpConfiguration http = new HttpConfiguration();
            http.addCustomizer(secure);
            connector = new ServerConnector(server, tls, new HttpConnectionFactory(http));
        } else {
            connector = new ServerConnector(server);
        }
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        JakartaWebSocketServletContainerInitializer.configure(context, (servletContext, container) -> {
            for (ServerEndpointConfig config : ServerEndpoints.configs()) {
                container.addEndpoint(config);
            }
        });
        server.setHandler(context);
        server.start();
    }

    @Override
    public String name() {
        return "Jetty " + Server.getVersion();
    }

    @Override
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public boolean secure() {
        return secure;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not stop", e);
        }
    }
}
