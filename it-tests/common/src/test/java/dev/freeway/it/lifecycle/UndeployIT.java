package dev.freeway.it.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.freeway.it.protocol.PingEchoEndpoint;
import dev.freeway.it.support.ContainerDefects;
import dev.freeway.it.support.FreewayWar;
import dev.freeway.it.support.JdkClient;
import dev.freeway.it.support.RawWebSocket;
import dev.freeway.it.support.RecordingListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
 *
 * <p>The drain is bounded by {@code dev.freeway.shutdownTimeout} (1 s here), not by the close
 * timeout (60 s here): half the clients never answer the close (JDK clients that hold their reply
 * back, raw clients that read the 1001 and say nothing), yet the undeploy returns soon after the
 * shutdown timeout and their connections are dropped. Stopping a whole server is shown on both
 * containers by the demo launcher's {@code DemoShutdownIT} and the distribution tests (SIGTERM).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UndeployIT {

    private static final String DEPLOYMENT = "undeploy-ws";
    private static final int JDK_CLIENTS = 6;
    private static final int SILENT_RAW_CLIENTS = 2;
    /** 1 s of shutdown timeout and the container's own undeploy: far below this on any machine. */
    private static final Duration UNDEPLOY_BOUND = Duration.ofSeconds(10);

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    static WebArchive deployment() {
        return FreewayWar.contextParams(FreewayWar.create(DEPLOYMENT, PingEchoEndpoint.class),
                Map.of("dev.freeway.shutdownTimeout", "1000", "dev.freeway.closeTimeout", "60000"));
    }

    @Test
    @Order(1)
    void deploy() {
        deployer.deploy(DEPLOYMENT);
    }

    @Test
    @Order(2)
    void undeployClosesEverySessionWith1001WithinTheShutdownTimeout(
            @ArquillianResource @OperateOnDeployment(DEPLOYMENT) URL base) throws Exception {
        List<RecordingListener> listeners = new ArrayList<>();
        for (int i = 0; i < JDK_CLIENTS; i++) {
            // every other one never answers the close
            RecordingListener listener = i % 2 == 0 ? new RecordingListener() : RecordingListener.neverAnsweringClose();
            WebSocket ws = JdkClient.connect(base, "echo", listener);
            JdkClient.await(ws.sendText("client " + i, true));
            assertThat(listener.nextText()).isEqualTo("client " + i);
            listeners.add(listener);
        }
        List<RawWebSocket> silent = new ArrayList<>();
        List<CompletableFuture<RawWebSocket.Frame>> silentCloses = new ArrayList<>();
        try (RawWebSocket raw = RawWebSocket.connect(base, "echo", "Content-Length: 0")) {
            raw.sendText("raw");
            assertThat(raw.readFrame().text()).isEqualTo("raw");
            for (int i = 0; i < SILENT_RAW_CLIENTS; i++) {
                RawWebSocket quiet = RawWebSocket.connect(base, "echo", "Content-Length: 0");
                silent.add(quiet);
                quiet.sendText("quiet " + i);
                assertThat(quiet.readFrame().text()).isEqualTo("quiet " + i);
                // read as it comes: once the connection is dropped, unread bytes may be lost to a reset
                silentCloses.add(CompletableFuture.supplyAsync(() -> readFrame(quiet)));
            }

            long start = System.nanoTime();
            deployer.undeploy(DEPLOYMENT);
            Duration undeploy = Duration.ofNanos(System.nanoTime() - start);

            for (RecordingListener listener : listeners) {
                assertThat(listener.awaitClose(Duration.ofSeconds(10)).code()).isEqualTo(1001);
            }
            for (CompletableFuture<RawWebSocket.Frame> close : silentCloses) {
                RawWebSocket.Frame frame = close.get(10, TimeUnit.SECONDS);
                assertThat(frame.opcode()).isEqualTo(RawWebSocket.CLOSE);
                assertThat(frame.closeCode()).isEqualTo(1001);
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
            int clients = JDK_CLIENTS + 1 + SILENT_RAW_CLIENTS;
            System.out.printf("undeploy with %d of %d clients silent: %d ms, %d of %d clients got 1001%n",
                    JDK_CLIENTS / 2 + SILENT_RAW_CLIENTS, clients, undeploy.toMillis(), clients, clients);
            assertThat(undeploy).as("undeploy, shutdown timeout 1 s, close timeout 60 s").isLessThan(UNDEPLOY_BOUND);
            for (RawWebSocket quiet : silent) {
                assertThat(ended(quiet)).as("the silent raw client's connection is dropped").isTrue();
            }
        } finally {
            for (RawWebSocket quiet : silent) {
                quiet.connection().close();
            }
        }

        WebSocketHandshakeException gone = catchThrowableOfType(WebSocketHandshakeException.class,
                () -> JdkClient.connect(base, "echo", new RecordingListener()));
        assertThat(gone).as("no endpoint after undeploy").isNotNull();
        assertThat(gone.getResponse().statusCode()).isEqualTo(404);
    }

    private static RawWebSocket.Frame readFrame(RawWebSocket raw) {
        try {
            return raw.readFrame();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the server ended the connection: EOF, or a reset for a connection it dropped. */
    private static boolean ended(RawWebSocket raw) {
        try {
            return raw.connection().input().read() == -1;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }
}
