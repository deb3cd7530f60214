package dev.freeway.servlet;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;

/** Jetty 12.1 (EE 11) or Tomcat 11, embedded, with Freeway's initializer and the given endpoints at {@code /app}. */
public abstract class EmbeddedServer implements AutoCloseable {
    public abstract int port();

    /** The context at {@code /app}, where Freeway's {@code ServerContainer} is an attribute. */
    abstract jakarta.servlet.ServletContext servletContext();

    public static EmbeddedServer start(String kind, Class<?>... endpoints) throws Exception {
        return start(kind, Map.of(), endpoints);
    }

    /** As {@link #start}, with these context parameters (the {@code web.xml} {@code <context-param>}s). */
    public static EmbeddedServer start(String kind, Map<String, String> contextParameters, Class<?>... endpoints) throws Exception {
        return kind.equals("jetty") ? new JettyServer(null, false, contextParameters, endpoints)
                : new TomcatServer(null, false, contextParameters, endpoints);
    }

    /**
     * As {@link #start}, with cleartext HTTP/2 beside HTTP/1.1 on the one port: Jetty with its h2c
     * connection factory (prior knowledge and the HTTP/1.1 Upgrade; it announces RFC 8441), Tomcat
     * with its {@code Http2Protocol} upgrade protocol (h2c by Upgrade only; no RFC 8441).
     */
    static EmbeddedServer startH2c(String kind, Class<?>... endpoints) throws Exception {
        return kind.equals("jetty") ? new JettyServer(null, true, Map.of(), endpoints)
                : new TomcatServer(null, true, Map.of(), endpoints);
    }

    /** Jetty over TLS only, offering h2 and http/1.1 by ALPN (h2 preferred), with the PKCS12 key store of {@code tls}. */
    static EmbeddedServer startH2Tls(Tls tls, Class<?>... endpoints) throws Exception {
        return new JettyServer(tls, true, Map.of(), endpoints);
    }

    /** How many connections the server holds open now (Jetty only). */
    int openConnections() {
        throw new UnsupportedOperationException("counted on Jetty only");
    }

    /** As {@link #start}, over TLS only, with the PKCS12 {@code keyStore} (alias "server"). */
    static EmbeddedServer startTls(String kind, Tls tls, Class<?>... endpoints) throws Exception {
        return kind.equals("jetty") ? new JettyServer(tls, false, Map.of(), endpoints)
                : new TomcatServer(tls, false, Map.of(), endpoints);
    }

    /** A server's key store (PKCS12) and its password. */
    record Tls(java.nio.file.Path keyStore, String password) {
    }

    /** A plain servlet, so requests that are not handshakes have somewhere to go. */
    public static final class Hello extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.getWriter().print("hello");
        }
    }

    private static final class JettyServer extends EmbeddedServer {
        private final Server server;
        private final ServletContextHandler ctx = new ServletContextHandler("/app");

        /** @param http2 h2c beside HTTP/1.1 without {@code tls}; with it, h2 by ALPN beside http/1.1 */
        JettyServer(Tls tls, boolean http2, Map<String, String> contextParameters, Class<?>... endpoints) throws Exception {
            if (http2 && tls == null) {
                server = new Server();
                org.eclipse.jetty.server.HttpConfiguration http = new org.eclipse.jetty.server.HttpConfiguration();
                ServerConnector connector = new ServerConnector(server,
                        new org.eclipse.jetty.server.HttpConnectionFactory(http),
                        new org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory(http));
                connector.setPort(0);
                server.addConnector(connector);
            } else if (tls == null) {
                server = new Server(0);
            } else {
                server = new Server();
                org.eclipse.jetty.util.ssl.SslContextFactory.Server keys = new org.eclipse.jetty.util.ssl.SslContextFactory.Server();
                keys.setKeyStorePath(tls.keyStore().toString());
                keys.setKeyStorePassword(tls.password());
                keys.setKeyStoreType("PKCS12");
                org.eclipse.jetty.server.HttpConfiguration http = new org.eclipse.jetty.server.HttpConfiguration();
                http.addCustomizer(new org.eclipse.jetty.server.SecureRequestCustomizer());
                org.eclipse.jetty.server.HttpConnectionFactory http11 = new org.eclipse.jetty.server.HttpConnectionFactory(http);
                ServerConnector connector;
                if (http2) {
                    org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory alpn =
                            new org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory();
                    alpn.setDefaultProtocol(http11.getProtocol());
                    connector = new ServerConnector(server, keys, alpn,
                            new org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory(http), http11);
                } else {
                    connector = new ServerConnector(server, keys, http11);
                }
                connector.setPort(0);
                server.addConnector(connector);
            }
            contextParameters.forEach(ctx::setInitParameter);
            ctx.addServletContainerInitializer(new FreewayInitializer(), endpoints);
            ctx.addServlet(new ServletHolder(new Hello()), "/hello");
            server.setHandler(ctx);
            server.start();
        }

        @Override
        public int port() {
            return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        }

        @Override
        int openConnections() {
            return server.getConnectors()[0].getConnectedEndPoints().size();
        }

        @Override
        jakarta.servlet.ServletContext servletContext() {
            return ctx.getServletContext();
        }

        @Override
        public void close() throws Exception {
            server.stop();
        }
    }

    private static final class TomcatServer extends EmbeddedServer {
        private final Tomcat tomcat = new Tomcat();
        private Context ctx;

        TomcatServer(Tls tls, boolean h2c, Map<String, String> contextParameters, Class<?>... endpoints) throws Exception {
            tomcat.setBaseDir(Files.createTempDirectory("tomcat").toString());
            tomcat.setPort(0);
            ctx = tomcat.addContext("/app", Files.createTempDirectory("app").toString());
            contextParameters.forEach(ctx::addParameter);
            ctx.addServletContainerInitializer(new FreewayInitializer(), Set.of(endpoints));
            Tomcat.addServlet(ctx, "hello", new Hello());
            ctx.addServletMappingDecoded("/hello", "hello");
            // Tomcat runs filters only for requests some servlet maps; a WAR always has the
            // default servlet on "/", a bare embedded context has to be given one.
            ctx.addServletMappingDecoded("/", "hello");
            org.apache.catalina.connector.Connector connector = tomcat.getConnector();
            if (h2c) {
                connector.addUpgradeProtocol(new org.apache.coyote.http2.Http2Protocol());
            }
            if (tls != null) {
                connector.setSecure(true);
                connector.setScheme("https");
                connector.setProperty("SSLEnabled", "true");
                org.apache.tomcat.util.net.SSLHostConfig host = new org.apache.tomcat.util.net.SSLHostConfig();
                org.apache.tomcat.util.net.SSLHostConfigCertificate certificate = new org.apache.tomcat.util.net.SSLHostConfigCertificate(
                        host, org.apache.tomcat.util.net.SSLHostConfigCertificate.Type.UNDEFINED);
                certificate.setCertificateKeystoreFile(tls.keyStore().toString());
                certificate.setCertificateKeystorePassword(tls.password());
                certificate.setCertificateKeystoreType("PKCS12");
                host.addCertificate(certificate);
                connector.addSslHostConfig(host);
            }
            tomcat.start();
        }

        @Override
        public int port() {
            return tomcat.getConnector().getLocalPort();
        }

        @Override
        jakarta.servlet.ServletContext servletContext() {
            return ctx.getServletContext();
        }

        @Override
        public void close() throws Exception {
            tomcat.stop();
            tomcat.destroy();
        }
    }
}
