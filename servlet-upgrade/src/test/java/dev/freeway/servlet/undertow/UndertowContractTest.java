package dev.freeway.servlet.undertow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.freeway.servlet.ContainerContractFixture;
import dev.freeway.servlet.FreewayInitializer;
import dev.freeway.servlet.LoggedRecords;
import dev.freeway.servlet.upgrade.TransportFailures;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;
import io.undertow.servlet.api.ServletContainer;
import io.undertow.servlet.api.ServletContainerInitializerInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * The transport contract over Undertow 2.3's native takeover ({@link UndertowTransport}): a Servlet
 * deployment at {@code /app} whose only initializer is Freeway's, on an embedded Undertow.
 */
class UndertowContractTest extends ContainerContractFixture {
    private Undertow server;
    private DeploymentManager manager;

    @BeforeAll
    void start() throws Exception {
        DeploymentInfo app = Servlets.deployment()
                .setClassLoader(getClass().getClassLoader())
                .setContextPath("/app")
                .setDeploymentName("contract")
                .addServletContainerInitializer(new ServletContainerInitializerInfo(FreewayInitializer.class, Set.of()));
        manager = ServletContainer.Factory.newInstance().addDeployment(app);
        manager.deploy();
        server = Undertow.builder()
                .addHttpListener(0, "127.0.0.1")
                .setHandler(Handlers.path().addPrefixPath("/app", manager.start()))
                .build();
        server.start();
        int port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
        deploy(manager.getDeployment().getServletContext(), port);
    }

    @Test
    void aConnectionThePeerResetsIsLoggedOnceInOneLineWithoutATrace() throws Exception {
        // the peer's doing: one INFO line naming the cause, no stack trace and nothing at WARNING,
        // since every remote peer can cause it (a WARNING with the trace is for the container's faults)
        try (LoggedRecords logged = LoggedRecords.of(TransportFailures.class, Level.INFO)) {
            Connected connected = connect();
            connected.peer().reset(); // an RST: the read on Undertow's I/O thread fails
            await().atMost(Duration.ofSeconds(10)).until(() -> !connected.session().isOpen());
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                    .until(() -> logged.at(Level.INFO).size() == 1);
            LogRecord line = logged.at(Level.INFO).get(0);
            assertThat(line.getThrown()).isNull();
            assertThat(line.getMessage()).contains(" failed: java.");
            assertThat(logged.at(Level.WARNING)).isEmpty();
        }
    }

    @AfterAll
    void stop() throws Exception {
        manager.stop();
        manager.undeploy();
        server.stop();
    }
}
