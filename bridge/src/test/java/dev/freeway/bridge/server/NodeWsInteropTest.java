package dev.freeway.bridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freeway.bridge.ServletHost;
import dev.freeway.bridge.TcpService;
import dev.freeway.bridge.Transfers;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Node's {@code ws} (a client we did not write) as a websockify-style browser against Freeway's
 * bridge on Jetty and Tomcat: {@link Transfers#size()} up to a TCP sink and down from a TCP
 * source in binary (a quarter of it in base64), checked by SHA-256. Unlike websockify, the bridge
 * loses nothing when one side closes right after its last byte: the client closes at once after
 * its upload, the source at once after its download.
 */
class NodeWsInteropTest {
    private static final long SEED = 5;

    static List<Arguments> cases() {
        return ServletHost.KINDS.stream()
                .flatMap(kind -> List.of("binary", "base64").stream().map(framing -> Arguments.of(kind, framing)))
                .toList();
    }

    private static long size(String framing) {
        return framing.equals("base64") ? Transfers.size() / 4 : Transfers.size();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void uploadsThroughTheBridge(String kind, String framing) throws Exception {
        long size = size(framing);
        CompletableFuture<Transfers.Received> received = new CompletableFuture<>();
        try (TcpService sink = TcpService.start(Transfers.sink(received));
             TcpBridge bridge = TcpBridge.to(BridgeTarget.parse(sink.hostAndPort()), BridgeSettings.defaults());
             ServletHost host = ServletHost.start(kind, Map.of(), bridge.endpointConfig("/sink"))) {
            NodeWsClient.Result node = NodeWsClient.run(host.ws("/sink"), "upload", size, framing);
            assertThat(node.protocol()).isEqualTo(framing);
            assertThat(node.code()).isEqualTo(1000);
            assertThat(received.get(60, TimeUnit.SECONDS)).isEqualTo(new Transfers.Received(size, node.sha256()));
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void downloadsThroughTheBridge(String kind, String framing) throws Exception {
        long size = size(framing);
        try (TcpService source = TcpService.start(Transfers.source(size, SEED));
             TcpBridge bridge = TcpBridge.to(BridgeTarget.parse(source.hostAndPort()), BridgeSettings.defaults());
             ServletHost host = ServletHost.start(kind, Map.of(), bridge.endpointConfig("/source"))) {
            NodeWsClient.Result node = NodeWsClient.run(host.ws("/source"), "download", size, framing);
            assertThat(node).isEqualTo(new NodeWsClient.Result(framing, size, Transfers.expected(size, SEED), 1000,
                    "Target closed"));
        }
    }
}
