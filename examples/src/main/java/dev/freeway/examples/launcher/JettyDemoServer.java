package dev.freeway.examples.launcher;

import jakarta.websocket.server.ServerContainer;
import org.eclipse.jetty.ee11.webapp.WebAppContext;
import org.eclipse.jetty.util.ClassMatcher;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Jetty;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The demo WAR in embedded Jetty 12.1 (EE 11). jetty-ee11-annotations on the class path makes the
 * web application run the initializers its jars declare (Freeway's among them); Jetty's own
 * WebSocket modules are not on the class path at all. The few Jetty classes Freeway's Jetty-native
 * connection takeover needs are exposed to the web application.
 */
final class JettyDemoServer implements DemoServer {
    /**
     * The Jetty classes Freeway's Jetty-native connection takeover needs to see, as in Freeway's
     * README (dev.freeway.servlet.jetty.JettyConnectionUpgrade.EXPOSED_CLASSES; Freeway itself is only in
     * the WAR, not on the launcher's class path).
     */
    private static final String[] FREEWAY_NEEDS = {
        "org.eclipse.jetty.io.AbstractConnection", "org.eclipse.jetty.io.Connection", "org.eclipse.jetty.io.EndPoint",
        "org.eclipse.jetty.util.Callback", "org.eclipse.jetty.server.Request", "org.eclipse.jetty.server.ConnectionMetaData",
        "org.eclipse.jetty.server.TunnelSupport",
    };

    private final Server server;
    private final ServerConnector connector;
    private final WebAppContext webapp;
    private final SelfSignedCertificate certificate;

    private JettyDemoServer(Server server, ServerConnector connector, WebAppContext webapp,
                            SelfSignedCertificate certificate) {
        this.server = server;
        this.connector = connector;
        this.webapp = webapp;
        this.certificate = certificate;
    }

    /**
     * HTTP/1.1 and h2c on one connector. Jetty announces RFC 8441's extended CONNECT on its HTTP/2
     * connections, and Freeway answers it: WebSockets then run over HTTP/2 streams as well.
     */
    private static ServerConnector h2cConnector(Server server) {
        HttpConfiguration http = new HttpConfiguration();
        return new ServerConnector(server, new HttpConnectionFactory(http), new HTTP2CServerConnectionFactory(http));
    }

    /**
     * HTTPS with the certificate; with {@code http2}, ALPN offers h2 and http/1.1 (browsers take h2,
     * and Jetty announces RFC 8441's extended CONNECT on it), HTTP/1.1 for clients without ALPN.
     */
    private static ServerConnector tlsConnector(Server server, SelfSignedCertificate certificate, boolean http2) {
        SslContextFactory.Server keys = new SslContextFactory.Server();
        keys.setKeyStorePath(certificate.keyStore().toString());
        keys.setKeyStorePassword(certificate.password());
        keys.setKeyStoreType("PKCS12");
        HttpConfiguration http = new HttpConfiguration();
        // request.isSecure() and the https scheme for the web application
        http.addCustomizer(new SecureRequestCustomizer(false));
        HttpConnectionFactory http11 = new HttpConnectionFactory(http);
        if (!http2) {
            return new ServerConnector(server, keys, http11);
        }
        ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory();
        alpn.setDefaultProtocol(http11.getProtocol());
        return new ServerConnector(server, keys, alpn, new HTTP2ServerConnectionFactory(http), http11);
    }

    static JettyDemoServer start(LauncherOptions options, Path war) throws Exception {
        SelfSignedCertificate certificate = options.tls() ? SelfSignedCertificate.generate(options.host()) : null;
        try {
            return start(options, war, certificate);
        } catch (Exception | Error e) {
            if (certificate != null) {
                certificate.close();
            }
            throw e;
        }
    }

    private static JettyDemoServer start(LauncherOptions options, Path war, SelfSignedCertificate certificate)
            throws Exception {
        Server server = new Server();
        ServerConnector connector = certificate != null ? tlsConnector(server, certificate, options.http2())
                : options.http2() ? h2cConnector(server) : new ServerConnector(server);
        connector.setHost(options.host());
        connector.setPort(options.port());
        server.addConnector(connector);

        WebAppContext webapp = new WebAppContext();
        webapp.setContextPath(options.contextPath());
        webapp.setWar(war.toString());
        // A web application that fails to start (an endpoint Freeway cannot deploy) must stop
        // the launcher rather than leave a server answering 503.
        webapp.setThrowUnavailableOnStartupException(true);
        // The launcher's jar carries Tomcat too. A stand-alone Jetty has none, and the WAR's
        // Weld must not see it either: Weld would take Jetty for Tomcat and fail to start.
        webapp.addHiddenClassMatcher(new ClassMatcher("org.apache.catalina.", "org.apache.tomcat.",
                "org.apache.coyote.", "org.apache.naming.", "org.apache.juli."));
        // Freeway takes WebSocket connections over through Jetty's core (Jetty's Servlet upgrade
        // loses what browsers send after the handshake); the web application must see these classes.
        webapp.getHiddenClassMatcher().exclude(FREEWAY_NEEDS);
        server.setHandler(webapp);
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw e;
        }
        return new JettyDemoServer(server, connector, webapp, certificate);
    }

    @Override
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public String description() {
        return "Jetty " + Jetty.VERSION;
    }

    @Override
    public String webSocketContainerClass() {
        Object container = webapp.getServletContext().getAttribute(ServerContainer.class.getName());
        return Objects.toString(container == null ? null : container.getClass().getName());
    }

    @Override
    public void close() throws Exception {
        try {
            server.stop();
        } finally {
            if (certificate != null) {
                certificate.close();
            }
        }
    }
}
