package dev.freeway.servlet.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

/**
 * The hook runs the drain when the Jetty server starts stopping, while its connector and the web
 * application still run (Jetty then stops the connector first), once; taken off, it runs no more.
 * The drain's effect on real connections is shown by the ITs' UndeployIT and the demo's DemoShutdownIT.
 */
class JettyStopHookTest {

    @Test
    void drainsWhenTheServerStartsStoppingBeforeItsConnectorAndApplication() throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler app = new ServletContextHandler("/app");
        server.setHandler(app);
        List<String> seen = new ArrayList<>();
        JettyStopHook.install(app.getServletContext(), () -> seen.add("connector running: " + connector.isRunning()
                + ", application running: " + app.isRunning()));
        server.start();
        assertThat(seen).isEmpty();

        server.stop();

        assertThat(seen).containsExactly("connector running: true, application running: true");
    }

    @Test
    void takenOffItRunsNoMore() throws Exception {
        Server server = new Server();
        ServletContextHandler app = new ServletContextHandler("/app");
        server.setHandler(app);
        List<String> seen = new ArrayList<>();
        Runnable unhook = JettyStopHook.install(app.getServletContext(), () -> seen.add("drained"));
        server.start();
        unhook.run();

        server.stop();

        assertThat(seen).isEmpty();
        assertThat(server.getEventListeners()).isEmpty();
    }
}
