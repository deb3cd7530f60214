package dev.freeway.bridge.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.freeway.bridge.ServletHost;
import dev.freeway.bridge.TcpService;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.Test;

/** Bridges declared by context parameters alone, as a WAR's web.xml would. */
class ContextParametersTest {
    static final List<String> KINDS = ServletHost.KINDS;

    @ParameterizedTest
    @FieldSource("KINDS")
    void routesDeployBridgesWithTheirSettings(String kind) throws Exception {
        try (TcpService echo = TcpService.start(TcpService.echo());
             ServletHost host = ServletHost.start(kind, Map.of(
                     "dev.freeway.bridge.routes", " /tcp/echo=" + echo.hostAndPort() + " , /tcp/other=127.0.0.1:1",
                     "dev.freeway.bridge.idleTimeout", "700"))) {
            JdkPeer peer = JdkPeer.connect(host.ws("/tcp/echo"), "binary");
            peer.ws().sendBinary(ByteBuffer.wrap(new byte[] {4, 5, 6}), true).join();
            assertThat(peer.binary(3)).containsExactly(4, 5, 6);
            assertThat(peer.awaitClose()).isEqualTo(new JdkPeer.Closed(1001, "idle timeout: no traffic for 700 ms"));
            assertThat(JdkPeer.connect(host.ws("/tcp/other"), "binary").awaitClose().code()).isEqualTo(1014);
        }
    }

    @ParameterizedTest
    @FieldSource("KINDS")
    void originsRefuseOtherPages(String kind) throws Exception {
        try (TcpService echo = TcpService.start(TcpService.echo());
             ServletHost host = ServletHost.start(kind, Map.of(
                     "dev.freeway.bridge.routes", "/tcp/echo=" + echo.hostAndPort(),
                     "dev.freeway.bridge.origins", "https://app.example, https://admin.example"))) {
            JdkPeer ours = JdkPeer.connectFrom("https://admin.example", host.ws("/tcp/echo"), "binary");
            ours.ws().sendClose(1000, "").join();
            assertThatThrownBy(() -> JdkPeer.connectFrom("https://evil.example", host.ws("/tcp/echo"), "binary"))
                    .hasStackTraceContaining("Unexpected HTTP response status code 403");
            assertThatThrownBy(() -> JdkPeer.connect(host.ws("/tcp/echo"), "binary"))
                    .hasStackTraceContaining("Unexpected HTTP response status code 403");
        }
    }

    @Test
    void aBadValueNamesItsParameter() {
        assertThatThrownBy(() -> BridgeParameters.read(Map.of("dev.freeway.bridge.routes", "/a=localhost")::get))
                .hasMessageContaining("dev.freeway.bridge.routes").hasMessageContaining("host:port");
        assertThatThrownBy(() -> BridgeParameters.read(Map.of("dev.freeway.bridge.routes", "a=localhost:1")::get))
                .hasMessageContaining("is not /path=host:port");
        assertThatThrownBy(() -> BridgeParameters.read(Map.of("dev.freeway.bridge.routes", "/a=h:1",
                "dev.freeway.bridge.bufferSize", "10")::get)).hasMessageContaining("bufferSize must be 1024");
        assertThatThrownBy(() -> BridgeParameters.read(Map.of("dev.freeway.bridge.maxConnections", "lots")::get))
                .hasMessageContaining("dev.freeway.bridge.maxConnections is not a number");
        assertThatThrownBy(() -> BridgeParameters.read(Map.of("dev.freeway.bridge.socketBufferSize", "9999999999")::get))
                .hasMessageContaining("dev.freeway.bridge.socketBufferSize is out of range");
    }

    @Test
    void noRoutesNoBridges() {
        assertThat(BridgeParameters.read(Map.<String, String>of()::get).routes()).isEmpty();
    }
}
