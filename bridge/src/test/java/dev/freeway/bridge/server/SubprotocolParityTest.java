package dev.freeway.bridge.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.freeway.bridge.ServletHost;
import dev.freeway.bridge.TcpService;
import dev.freeway.bridge.Websockify;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * websockify 0.10 as the reference for the bridge's subprotocol answers: the same offers from the
 * same client (the JDK's) to both, side by side. Where they agree the answers are equal; where
 * Freeway goes further (base64, which websockify dropped) or refuses differently (after the
 * handshake rather than in it), the test says so.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubprotocolParityTest {
    private TcpService echo;
    private Websockify websockify;
    private TcpBridge bridge;
    private ServletHost host;

    @BeforeAll
    void start() throws Exception {
        echo = TcpService.start(TcpService.echo());
        websockify = Websockify.start(echo.hostAndPort());
        bridge = TcpBridge.to(BridgeTarget.parse(echo.hostAndPort()), BridgeSettings.defaults());
        host = ServletHost.start("jetty", Map.of(), bridge.endpointConfig("/echo"));
    }

    @AfterAll
    void stop() throws Exception {
        host.close();
        bridge.close();
        websockify.close();
        echo.close();
    }

    private URI freeway() {
        return host.ws("/echo");
    }

    @Test
    void bothAnswerBinaryOrNothingAlike() throws Exception {
        for (String[] offer : new String[][] {{}, {"binary"}, {"binary", "base64"}}) {
            String reference = answer(websockify.ws(), offer);
            assertThat(answer(freeway(), offer)).as("offer %s", String.join(",", offer)).isEqualTo(reference);
        }
        assertThat(answer(websockify.ws())).isEmpty();
        assertThat(answer(websockify.ws(), "binary")).isEqualTo("binary");
    }

    @Test
    void base64OnlyFreewayStillSpeaks() throws Exception {
        assertThatThrownBy(() -> answer(websockify.ws(), "base64")).hasStackTraceContaining("status code");
        assertThat(answer(freeway(), "base64")).isEqualTo("base64");
    }

    @Test
    void anotherProtocolIsRefusedByBoth() throws Exception {
        assertThatThrownBy(() -> answer(websockify.ws(), "chat")).hasStackTraceContaining("status code");
        assertThat(JdkPeer.connect(freeway(), "chat").awaitClose().code()).isEqualTo(1002);
    }

    private static String answer(URI uri, String... offer) throws Exception {
        JdkPeer peer = JdkPeer.connect(uri, offer);
        String answered = peer.ws().getSubprotocol();
        peer.ws().sendClose(1000, "").join();
        return answered;
    }
}
