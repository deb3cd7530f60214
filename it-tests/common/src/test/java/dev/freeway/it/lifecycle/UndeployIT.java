package dev.freeway.it.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.freeway.it.protocol.PingEchoEndpoint;
import dev.freeway.it.support.ContainerDefects;
import dev.freeway.it.support.FreewayWar;
import dev.freeway.it.support.JdkClient;
import dev.freeway.it.support.RawWebSocket;
import dev.freeway.it.support.RecordingListener;
import java.net.URL;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Undeploying a Freeway application closes its open sessions with 1001 (going away), for the JDK's
 * client and for a raw client, which then sees the TCP connection end; afterwards the endpoint is
 * gone. The test deploys and undeploys the WAR itself, as {@code UndeployProofIT} does.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UndeployIT {

    private static final String DEPLOYMENT = "undeploy-ws";
    private static final int JDK_CLIENTS = 3;

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    static WebArchive deployment() {
        return FreewayWar.create(DEPLOYMENT, PingEchoEndpoint.class);
    }

    @Test
    @Order(1)
    void deploy() {
        deployer.deploy(DEPLOYMENT);
    }

    @Test
    @Order(2)
    void undeployClosesEverySessionWith1001(@ArquillianResource @OperateOnDeployment(DEPLOYMENT) URL base)
            throws Exception {
        List<RecordingListener> listeners = new ArrayList<>();
        for (int i = 0; i < JDK_CLIENTS; i++) {
            RecordingListener listener = new RecordingListener();
            WebSocket ws = JdkClient.connect(base, "echo", listener);
            JdkClient.await(ws.sendText("client " + i, true));
            assertThat(listener.nextText()).isEqualTo("client " + i);
            listeners.add(listener);
        }
        try (RawWebSocket raw = RawWebSocket.connect(base, "echo", "Content-Length: 0")) {
            raw.sendText("raw");
            assertThat(raw.readFrame().text()).isEqualTo("raw");

            deployer.undeploy(DEPLOYMENT);

            for (RecordingListener listener : listeners) {
                assertThat(listener.awaitClose(Duration.ofSeconds(10)).code()).isEqualTo(1001);
            }
            RawWebSocket.Frame close = raw.readFrame();
            assertThat(close.opcode()).isEqualTo(RawWebSocket.CLOSE);
            assertThat(close.closeCode()).isEqualTo(1001);
            raw.sendClose(1001, ""); // the client's answer
            if (ContainerDefects.declared(ContainerDefects.CLOSE_WAITS_FOR_IO)) {
                // Freeway closes outside the container's callbacks here; see UndeployProofIT
                raw.connection().shutdownOutput();
            }
            assertThat(raw.connection().input().read()).as("connection closed").isEqualTo(-1);
        }

        WebSocketHandshakeException gone = catchThrowableOfType(WebSocketHandshakeException.class,
                () -> JdkClient.connect(base, "echo", new RecordingListener()));
        assertThat(gone).as("no endpoint after undeploy").isNotNull();
        assertThat(gone.getResponse().statusCode()).isEqualTo(404);
    }
}
