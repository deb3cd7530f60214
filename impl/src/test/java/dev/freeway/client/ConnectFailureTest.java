package dev.freeway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.websocket.DeploymentException;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Connections that cannot be made, and the errors that say why. All on loopback. */
class ConnectFailureTest {
    private final FreewayClientContainer client = new FreewayClientContainer();

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void aRefusedConnectionSaysSo() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // free once closed: nothing listens there
        }
        URI uri = URI.create("ws://127.0.0.1:" + port + "/echo");
        assertThatThrownBy(() -> client.connectToServer(new Recorder(), null, uri))
                .isInstanceOf(ConnectException.class)
                .hasMessage("cannot connect to " + uri + ": Connection refused");
    }

    @Test
    void aServerThatNeverAnswersTheHandshakeTimesOut() throws Exception {
        // The kernel accepts the TCP connection into the backlog; nobody ever reads the request.
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            client.setHandshakeTimeout(300);
            URI uri = URI.create("ws://127.0.0.1:" + silent.getLocalPort() + "/echo");
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.connectToServer(new Recorder(), null, uri))
                    .isInstanceOf(SocketTimeoutException.class)
                    .hasMessage("the server at " + uri + " did not answer the WebSocket handshake within 300 ms");
            assertThat((System.nanoTime() - start) / 1_000_000).isBetween(250L, 3_000L);
        }
    }

    @Test
    void aConnectThatHangsTimesOut() throws Exception {
        // A listener whose accept queue is full: Linux drops further SYNs, so connecting hangs.
        List<Socket> fillers = new ArrayList<>();
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            for (int i = 0; i < 4; i++) {
                Socket s = new Socket();
                try {
                    s.connect(full.getLocalSocketAddress(), 200);
                    fillers.add(s);
                } catch (SocketTimeoutException queueFull) {
                    s.close();
                    break;
                }
            }
            client.setConnectTimeout(300);
            client.setHandshakeTimeout(300);
            URI uri = URI.create("ws://127.0.0.1:" + full.getLocalPort() + "/echo");
            assertThatThrownBy(() -> client.connectToServer(new Recorder(), null, uri))
                    .isInstanceOf(SocketTimeoutException.class)
                    .hasMessageContaining("timed out after 300 ms")
                    .hasMessageStartingWith("connecting to " + uri);
        } finally {
            for (Socket s : fillers) {
                s.close();
            }
        }
    }

    @Test
    void uriProblemsAreDeploymentErrors() {
        assertThatThrownBy(() -> client.connectToServer(new Recorder(), null, URI.create("http://127.0.0.1/echo")))
                .isInstanceOf(DeploymentException.class).hasMessageContaining("must be ws or wss");
        assertThatThrownBy(() -> client.connectToServer(new Recorder(), null, URI.create("ws://127.0.0.1/echo#frag")))
                .isInstanceOf(DeploymentException.class).hasMessageContaining("fragment");
        assertThatThrownBy(() -> client.connectToServer(new Recorder(), null, URI.create("/echo")))
                .isInstanceOf(DeploymentException.class).hasMessageContaining("absolute");
    }

    @Test
    void anEndpointClassWithoutTheAnnotationIsADeploymentError() {
        assertThatThrownBy(() -> client.connectToServer(String.class, URI.create("ws://127.0.0.1:1/echo")))
                .isInstanceOf(DeploymentException.class).hasMessageContaining("not annotated with @ClientEndpoint");
    }

    @Test
    void aClosedContainerConnectsNoMore() {
        client.close();
        assertThatThrownBy(() -> client.connectToServer(new Recorder(), null, URI.create("ws://127.0.0.1:1/echo")))
                .isInstanceOf(IllegalStateException.class);
    }
}
