package dev.freeway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Connections through an HTTP CONNECT proxy to Jetty, and a server that vanishes mid-session. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProxyTest {
    private JettyServer jetty;
    private ConnectProxy proxy;
    private FreewayClientContainer client;

    @BeforeAll
    void start() throws Exception {
        jetty = JettyServer.start();
        proxy = new ConnectProxy();
        client = new FreewayClientContainer();
        client.setProxy(proxy.address());
    }

    @AfterAll
    void stop() throws Exception {
        client.close();
        proxy.close();
        jetty.close();
    }

    private Recorder connect() throws Exception {
        Recorder r = new Recorder();
        client.connectToServer(r, ClientEndpointConfig.Builder.create().build(), jetty.uri(ServerEndpoints.ECHO));
        return r;
    }

    @Test
    void connectsThroughTheProxysTunnel() throws Exception {
        Recorder r = connect();
        assertThat(proxy.requests).contains("CONNECT 127.0.0.1:" + jetty.port() + " HTTP/1.1");
        r.session.getBasicRemote().sendText("through the tunnel");
        assertThat(r.text()).isEqualTo("through the tunnel");
        r.session.getBasicRemote().sendBinary(ByteBuffer.wrap(new byte[300_000]));
        assertThat(r.binary()).hasSize(300_000);
        r.session.close();
        assertThat(r.awaitClose().getCloseCode()).isEqualTo(CloseReason.CloseCodes.NORMAL_CLOSURE);
    }

    @Test
    void aProxyThatRefusesFailsTheConnectWithItsStatus() {
        proxy.refuse = true;
        try {
            assertThatThrownBy(this::connect).isInstanceOf(IOException.class)
                    .hasMessageContaining("the proxy refused CONNECT 127.0.0.1:" + jetty.port())
                    .hasMessageContaining("403 Forbidden");
        } finally {
            proxy.refuse = false;
        }
    }

    @Test
    void aServerThatVanishesEndsTheSessionWith1006() throws Exception {
        Recorder r = connect();
        r.session.getBasicRemote().sendText("still there?");
        assertThat(r.text()).isEqualTo("still there?");
        proxy.cut(false); // the TCP stream ends with no close frame
        CloseReason reason = r.awaitClose();
        assertThat(reason.getCloseCode()).isEqualTo(CloseReason.CloseCodes.CLOSED_ABNORMALLY);
        // closed once onClose has returned (this ran inside it)
        await().atMost(Duration.ofSeconds(10)).until(() -> !r.session.isOpen());
    }

    @Test
    void aConnectionResetEndsTheSessionWith1006() throws Exception {
        Recorder r = connect();
        proxy.cut(true);
        assertThat(r.awaitClose().getCloseCode()).isEqualTo(CloseReason.CloseCodes.CLOSED_ABNORMALLY);
    }
}
