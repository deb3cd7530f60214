package dev.freeway.bridge.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.freeway.bridge.BridgedEcho;
import dev.freeway.bridge.ServletHost;
import dev.freeway.bridge.StreamSubprotocol;
import dev.freeway.bridge.TcpService;
import dev.freeway.bridge.server.BridgeSettings;
import dev.freeway.bridge.server.BridgeTarget;
import dev.freeway.bridge.server.TcpBridge;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The stream client over Freeway's bridge (on Jetty) in both framings: streams and channel carry
 * the bytes both ways, the target's end is the stream's end, a failed bridge is an IOException
 * with the server's reason.
 */
class WebSocketStreamsTest {

    @ParameterizedTest
    @EnumSource(StreamSubprotocol.class)
    void streamsAndChannelCarryBytesBothWays(StreamSubprotocol framing) throws Exception {
        try (BridgedEcho echo = BridgedEcho.start("jetty");
             WebSocketStream stream = WebSocketStreams.connect(echo.ws(), framing)) {
            assertThat(stream.framing()).isEqualTo(framing);
            byte[] sent = new byte[200_000];
            new java.util.Random(7).nextBytes(sent);
            stream.outputStream().write(sent);
            assertThat(stream.inputStream().readNBytes(sent.length)).isEqualTo(sent);

            ByteChannel channel = stream.channel();
            channel.write(ByteBuffer.wrap(new byte[] {9, 8, 7}));
            ByteBuffer back = ByteBuffer.allocate(3);
            while (back.hasRemaining()) {
                assertThat(channel.read(back)).isNotNegative();
            }
            assertThat(back.array()).containsExactly(9, 8, 7);
        }
    }

    @ParameterizedTest
    @EnumSource(StreamSubprotocol.class)
    void theTargetsEndIsTheEndOfTheStream(StreamSubprotocol framing) throws Exception {
        TcpService.Behaviour sayBye = s -> {
            s.getOutputStream().write("bye".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            s.close();
        };
        try (TcpService greeter = TcpService.start(sayBye);
             TcpBridge bridge = TcpBridge.to(BridgeTarget.parse(greeter.hostAndPort()), BridgeSettings.defaults());
             ServletHost host = ServletHost.start("jetty", Map.of(), bridge.endpointConfig("/greet"));
             WebSocketStream stream = WebSocketStreams.connect(host.ws("/greet"), framing)) {
            InputStream in = stream.inputStream();
            assertThat(in.readAllBytes()).asString().isEqualTo("bye");
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @ParameterizedTest
    @EnumSource(StreamSubprotocol.class)
    void aFailedBridgeIsAnIOExceptionWithTheServersReason(StreamSubprotocol framing) throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (TcpBridge bridge = TcpBridge.to(new BridgeTarget("127.0.0.1", closedPort), BridgeSettings.defaults());
             ServletHost host = ServletHost.start("jetty", Map.of(), bridge.endpointConfig("/none"));
             WebSocketStream stream = WebSocketStreams.connect(host.ws("/none"), framing)) {
            assertThatThrownBy(() -> stream.inputStream().read()).isInstanceOf(IOException.class)
                    .hasMessageStartingWith("the WebSocket closed with 1014: connect to 127.0.0.1:" + closedPort + " failed");
        }
    }
}
