package dev.freeway.it.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freeway.it.support.ContainerDefects;
import dev.freeway.it.support.FreewayWar;
import dev.freeway.it.support.RawHttpConnection;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Proves that undeploying through the container really stops the web application while upgraded
 * connections are open: its listeners run and can still talk on those connections (Freeway will
 * close its sessions with 1001 there). Uses a deployment the test deploys and undeploys itself.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UndeployProofIT {

    private static final String DEPLOYMENT = "undeploy";
    private static final Path MARKER = Path.of(System.getProperty("freeway.it.work", System.getProperty("java.io.tmpdir")),
            "undeployed-" + UUID.randomUUID());

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    static WebArchive deployment() {
        return FreewayWar.withoutFreeway(DEPLOYMENT, EchoUpgradeServlet.class, EchoHandler.class, ShutdownListener.class)
                .addAsWebInfResource(new StringAsset(MARKER.toString()), "shutdown-marker");
    }

    @Test
    @Order(1)
    void deploy() {
        deployer.deploy(DEPLOYMENT);
    }

    @Test
    @Order(2)
    void undeployStopsTheApplicationWithConnectionsOpen(
            @ArquillianResource @OperateOnDeployment(DEPLOYMENT) URL base) throws Exception {
        try (RawHttpConnection connection = RawHttpConnection.open(base)) {
            // Content-Length: 0 keeps the upgraded input open on Jetty too (see ContainerDefects)
            connection.sendHead("GET " + base.getPath() + ServletUpgradeProofIT.echoPath() + " HTTP/1.1",
                    "Connection: Upgrade", "Upgrade: echo", "Content-Length: 0");
            assertThat(connection.readHead().status()).isEqualTo(101);
            assertThat(connection.readExactly(EchoHandler.GREETING.length)).isEqualTo(EchoHandler.GREETING);

            deployer.undeploy(DEPLOYMENT);

            assertThat(MARKER).as("contextDestroyed ran").exists();
            assertThat(connection.readExactly(EchoHandler.GOODBYE.length)).isEqualTo(EchoHandler.GOODBYE);
            if (ContainerDefects.declared(ContainerDefects.CLOSE_WAITS_FOR_IO)) {
                // Often still open here (not always: a race in the container), until an I/O
                // event, such as a WebSocket client's answer to a close frame
                connection.readTimeout(Duration.ofMillis(500));
                try {
                    assertThat(connection.input().read()).as("connection closed").isEqualTo(-1);
                    return;
                } catch (SocketTimeoutException stillOpen) {
                    connection.readTimeout(Duration.ofSeconds(10));
                    connection.shutdownOutput();
                }
            }
            assertThat(connection.input().read()).as("connection closed").isEqualTo(-1);
        } finally {
            Files.deleteIfExists(MARKER);
        }
    }
}
