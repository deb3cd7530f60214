package dev.freeway.servlet.generic;

import dev.freeway.servlet.ContainerContractFixture;
import dev.freeway.servlet.WebAppClasses;
import org.eclipse.jetty.ee11.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The transport contract over the generic Servlet upgrade ({@link ServletTransport}): Freeway in a
 * Jetty web application that hides Jetty's classes, so neither native takeover applies (Tomcat
 * always takes its own). The contract's endpoint, of the test's class loader, is served through
 * the web application's {@code ServerContainer}.
 */
class ServletUpgradeContractTest extends ContainerContractFixture {
    private Server server;

    @BeforeAll
    void start() throws Exception {
        Path webApp = Files.createTempDirectory("contract-webapp");
        WebAppClasses.populate(webApp);
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        WebAppContext context = WebAppClasses.context(webApp);
        server.setHandler(context);
        server.start();
        deploy(context.getServletContext(), connector.getLocalPort());
    }

    @AfterAll
    void stop() throws Exception {
        server.stop();
    }
}
