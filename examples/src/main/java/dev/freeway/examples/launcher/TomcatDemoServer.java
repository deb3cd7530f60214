package dev.freeway.examples.launcher;

import jakarta.websocket.server.ServerContainer;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.util.ServerInfo;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.apache.tomcat.util.scan.StandardJarScanner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The demo WAR in embedded Tomcat 11. tomcat-embed-websocket (Tomcat's own implementation and its
 * initializer) is not on the class path, and the WAR's {@code META-INF/context.xml} would filter
 * that initializer out anyway.
 */
final class TomcatDemoServer implements DemoServer {
    private final Tomcat tomcat;
    private final Context context;
    private final Path baseDir;
    private final SelfSignedCertificate certificate;

    private TomcatDemoServer(Tomcat tomcat, Context context, Path baseDir, SelfSignedCertificate certificate) {
        this.tomcat = tomcat;
        this.context = context;
        this.baseDir = baseDir;
        this.certificate = certificate;
    }

    static TomcatDemoServer start(LauncherOptions options, Path war) throws Exception {
        Path baseDir = Files.createTempDirectory("freeway-demo-tomcat");
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        // Tomcat unpacks the WAR into the host's appBase, which must exist.
        Files.createDirectories(baseDir.resolve("webapps"));
        Connector connector = tomcat.getConnector();
        connector.setProperty("address", options.host());
        connector.setPort(options.port());
        if (options.http2()) {
            // Tomcat's h2c (h2 by ALPN with TLS) has no RFC 8441 and does not announce it:
            // WebSockets stay on HTTP/1.1.
            connector.addUpgradeProtocol(new org.apache.coyote.http2.Http2Protocol());
        }

        String path = options.contextPath().equals("/") ? "" : options.contextPath();
        // Tomcat's embedded defaults include a JSP servlet whose class (Jasper) is not here;
        // StaticContentDefaults adds the rest of what conf/web.xml would give a WAR.
        tomcat.setAddDefaultWebXmlToWebapp(false);
        Context context = tomcat.addWebapp(path, war.toAbsolutePath().toString());
        context.addLifecycleListener(new StaticContentDefaults());
        // The launcher's own jar holds Jetty, Tomcat and the clients: nothing the web
        // application should scan (its classes and WEB-INF/lib are all it needs).
        if (context.getJarScanner() instanceof StandardJarScanner scanner) {
            scanner.setScanClassPath(false);
        }
        // last before the server exists to delete it: nothing above leaves the key store behind
        SelfSignedCertificate certificate = null;
        if (options.tls()) {
            certificate = SelfSignedCertificate.generate(options.host());
            SSLHostConfig host = new SSLHostConfig();
            SSLHostConfigCertificate key = new SSLHostConfigCertificate(host, SSLHostConfigCertificate.Type.UNDEFINED);
            key.setCertificateKeystoreFile(certificate.keyStore().toString());
            key.setCertificateKeystorePassword(certificate.password());
            key.setCertificateKeystoreType("PKCS12");
            host.addCertificate(key);
            connector.addSslHostConfig(host);
            connector.setSecure(true);
            connector.setScheme("https");
            connector.setProperty("SSLEnabled", "true");
        }
        TomcatDemoServer server = new TomcatDemoServer(tomcat, context, baseDir, certificate);
        try {
            tomcat.start();
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
        // Tomcat logs start-up failures rather than throwing them.
        if (!connector.getState().isAvailable() || connector.getLocalPort() <= 0) {
            server.close();
            throw new IllegalStateException("Tomcat could not listen on " + options.host() + ":" + options.port()
                    + " (see the log above)");
        }
        if (!context.getState().isAvailable()) {
            server.close();
            throw new IllegalStateException("Tomcat could not start the web application (see the log above)");
        }
        return server;
    }

    @Override
    public int port() {
        return tomcat.getConnector().getLocalPort();
    }

    @Override
    public String description() {
        return ServerInfo.getServerInfo();
    }

    @Override
    public String webSocketContainerClass() {
        Object container = context.getServletContext().getAttribute(ServerContainer.class.getName());
        return Objects.toString(container == null ? null : container.getClass().getName());
    }

    @Override
    public void close() throws Exception {
        try {
            tomcat.stop();
            tomcat.destroy();
        } finally {
            TempFiles.deleteTree(baseDir);
            if (certificate != null) {
                certificate.close();
            }
        }
    }
}
