package dev.freeway.servlet.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freeway.servlet.EchoEndpoint;
import dev.freeway.servlet.RawClient;
import dev.freeway.servlet.WebAppClasses;
import org.eclipse.jetty.ee11.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Freeway inside a web application of Jetty's {@code WebAppContext}, as in a WAR: its classes in
 * {@code WEB-INF}, where Jetty hides its own classes unless told otherwise. With the classes
 * exposed Freeway takes connections over itself; without them it says once what to configure and
 * uses the Servlet upgrade.
 */
class JettyWebAppVisibilityTest {
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    /** System.Logger's default backend is java.util.logging; the logger is found by name across class loaders. */
    private final Logger logger = Logger.getLogger(JettyConnectionUpgrade.class.getName());
    private Server server;

    @TempDir
    Path webApp;

    @BeforeEach
    void captureLogs() {
        logger.addHandler(capture);
    }

    @AfterEach
    void stop() throws Exception {
        logger.removeHandler(capture);
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void withJettysClassesExposedAWebApplicationTakesConnectionsOverItself() throws Exception {
        int port = start(true);
        try (RawClient raw = RawClient.connect(port, "/app/echo/war", RawClient.textFrame("early"))) {
            assertThat(raw.read().text()).isEqualTo("war:early");
            raw.send(RawClient.textFrame("after the 101, without Content-Length"));
            assertThat(raw.read().text()).isEqualTo("war:after the 101, without Content-Length");
        }
        assertThat(warnings()).isEmpty();
    }

    @Test
    void theReadmesJettyWebXmlExposesTheClasses() throws Exception {
        Path jettyWebXml = webApp.resolve("WEB-INF/jetty-ee11-web.xml");
        Files.createDirectories(jettyWebXml.getParent());
        // the snippet of the README's "Deploying in Jetty or Tomcat", as a stand-alone Jetty reads it
        try (var snippet = getClass().getResourceAsStream("jetty-ee11-web.xml")) {
            Files.copy(snippet, jettyWebXml);
        }
        int port = start(false);
        try (RawClient raw = RawClient.connect(port, "/app/echo/war", new byte[0])) {
            raw.send(RawClient.textFrame("configured in WEB-INF"));
            assertThat(raw.read().text()).isEqualTo("war:configured in WEB-INF");
        }
        assertThat(warnings()).isEmpty();
    }

    @Test
    void withJettysClassesHiddenFreewayWarnsOnceAndUsesTheServletUpgrade() throws Exception {
        int port = start(false);
        for (int i = 0; i < 3; i++) {
            // Content-Length: 0, which Jetty's Servlet upgrade needs to go on reading
            try (RawClient raw = RawClient.connect(port, "/app/echo/war", new byte[0], "Content-Length: 0\r\n")) {
                raw.send(RawClient.textFrame("portable " + i));
                assertThat(raw.read().text()).isEqualTo("war:portable " + i);
            }
        }
        assertThat(warnings()).singleElement().satisfies(w -> assertThat(w.getMessage())
                .contains("Jetty hides the classes", "Content-Length")
                .contains(JettyConnectionUpgrade.EXPOSED_CLASSES));
    }

    private List<LogRecord> warnings() {
        return logged.stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue()).toList();
    }

    /** Starts the web application, with Freeway in its WEB-INF, on a free port. */
    private int start(boolean exposeJettyClasses) throws Exception {
        WebAppClasses.populate(webApp, EchoEndpoint.class);

        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        WebAppContext context = WebAppClasses.context(webApp);
        if (exposeJettyClasses) {
            context.getHiddenClassMatcher().exclude(JettyConnectionUpgrade.EXPOSED_CLASSES.toArray(String[]::new));
        }
        server.setHandler(context);
        server.start();
        return connector.getLocalPort();
    }
}
