package dev.freeway.bridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freeway.bridge.BridgedEcho;
import dev.freeway.bridge.ServletHost;
import dev.freeway.bridge.TcpService;

import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The bridge's behaviour on Jetty and Tomcat, seen by the JDK's WebSocket client: framing by
 * subprotocol (websockify's choices), the closes each way, connect failures and timeouts,
 * allow-list, connection limit and idle timeout.
 */
class TcpBridgeTest {
    static final List<String> KINDS = ServletHost.KINDS;

    @ParameterizedTest
    @FieldSource("KINDS")
    void binaryAndNoOfferCarryBytesAsBinaryMessages(String kind) throws Exception {
        try (BridgedEcho echo = BridgedEcho.start(kind)) {
            for (String[] offer : List.of(new String[] {"binary"}, new String[] {"base64", "binary"}, new String[0])) {
                JdkPeer peer = JdkPeer.connect(echo.ws(), offer);
                // websockify answers binary whenever offered, and no header when nothing was offered
                assertThat(peer.ws().getSubprotocol()).isEqualTo(offer.length == 0 ? "" : "binary");
                peer.ws().sendBinary(ByteBuffer.wrap("hello ".getBytes(StandardCharsets.US_ASCII)), false).join();
                peer.ws().sendBinary(ByteBuffer.wrap("bridge".getBytes(StandardCharsets.US_ASCII)), true).join();
                assertThat(new String(peer.binary(12), StandardCharsets.US_ASCII)).isEqualTo("hello bridge");
                peer.ws().sendClose(1000, "bye").join();
                assertThat(peer.awaitClose().code()).isEqualTo(1000);
            }
        }
    }

    @ParameterizedTest
    @FieldSource("KINDS")
    void base64CarriesBytesAsBase64Text(String kind) throws Exception {
        try (BridgedEcho echo = BridgedEcho.start(kind)) {
            JdkPeer peer = JdkPeer.connect(echo.ws(), "base64");
            assertThat(peer.ws().getSubprotocol()).isEqualTo("base64");
            byte[] bytes = new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe, 42, 7};
            String encoded = Base64.getEncoder().encodeToString(bytes);
            // split inside a 4-character quantum: the bridge decodes across parts
            peer.ws().sendText(encoded.substring(0, 3), false).join();
            peer.ws().sendText(encoded.substring(3), true).join();
            String back = peer.text(encoded.length());
            assertThat(Base64.getDecoder().decode(back)).isEqualTo(bytes);
            peer.ws().sendClose(1000, "").join();
        }
    }

    @ParameterizedTest
    @FieldSource("KINDS")
    void aMessageOfTheOtherFramingClosesWith1003(String kind) throws Exception {
        try (BridgedEcho echo = BridgedEcho.start(kind)) {
            JdkPeer binary = JdkPeer.connect(echo.ws(), "binary");
            binary.ws().sendText("text", true).join();
            assertThat(binary.awaitClose().code()).isEqualTo(1003);
            JdkPeer base64 = JdkPeer.connect(echo.ws(), "base64");
            base64.ws().sendBinary(ByteBuffer.wrap(new byte[] {1}), true).join();
            assertThat(base64.awaitClose().code()).isEqualTo(1003);
            JdkPeer notBase64 = JdkPeer.connect(echo.ws(), "base64");
            notBase64.ws().sendText("not base64!", true).join();
            assertThat(notBase64.awaitClose().code()).isEqualTo(1007);
        }
    }

    @ParameterizedTest
    @FieldSource("KINDS")
    void refusesAnOfferOfOtherSubprotocols(String kind) throws Exception {
        try (BridgedEcho echo = BridgedEcho.start(kind)) {
            JdkPeer peer = JdkPeer.connect(echo.ws(), "chat");
            assertThat(peer.awaitClose()).isEqualTo(new JdkPeer.Closed(1002, "offer the binary or base64 subprotocol"));
        }
    }

    @ParameterizedTest
    @FieldSource("KINDS")
    void theTargetsEndClosesTheWebSocketNormallyAndTheWebSocketsEndClosesTheTarget(String kind) throws Exception {
        CompletableFuture<Integer> targetSawEnd = new CompletableFuture<>();
        TcpService.Behaviour greetThenWait = s -> {
            try (s) {
                s.getOutputStream().write("hi".getBytes(StandardCharsets.US_ASCII));
                InputStream in = s.getInputStream();
                targetSawEnd.complete(in.read());
            }
        };
        try (TcpService service = TcpService.start(greetThenWait);
             TcpBridge bridge = TcpBridge.to(BridgeTarget.parse(service.hostAndPort()), BridgeSettings.defaults());
             ServletHost host = ServletHost.start(kind, Map.of(), bridge.endpointConfig("/svc"))) {
            JdkPeer leaving = JdkPeer.connect(host.ws("/svc"), "binary");
            assertThat(leaving.binary(2)).hasSize(2);
            leaving.ws().sendClose(1000, "").join();
            assertThat(targetSawEnd.get(10, TimeUnit.SECONDS)).isEqualTo(-1);
        }
        TcpService.Behaviour writeOneByteAndClose = s -> {
            s.getOutputStream().write('x');
            s.close();
        };
        try (TcpService closing = TcpService.start(writeOneByteAndClose);
             TcpBridge bridge = TcpBridge.to(BridgeTarget.parse(closing.hostAndPort()), BridgeSettings.defaults());
             ServletHost host = ServletHost.start(kind, Map.of(), bridge.endpointConfig("/svc"))) {
            JdkPeer peer = JdkPeer.connect(host.ws("/svc"), "binary");
            assertThat(peer.awaitClose()).isEqualTo(new JdkPeer.Closed(1000, "Target closed"));
            assertThat(peer.binary(1)).containsExactly('x');
            assertThat(bridge.openConnections()).isZero();
        }
    }

    @ParameterizedTest
    @FieldSource("KINDS")
    void aRefusedConnectClosesWith1014AndSaysWhy(String kind) throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort(); // nothing listens there once closed
        }
        try (TcpBridge bridge = TcpBridge.to(new BridgeTarget("127.0.0.1", closedPort), BridgeSettings.defaults());
             ServletHost host = ServletHost.start(kind, Map.of(), bridge.endpointConfig("/svc"))) {
            JdkPeer.Closed closed = JdkPeer.connect(host.ws("/svc"), "binary").awaitClose();
            assertThat(closed.code()).isEqualTo(1014);
            assertThat(closed.reason()).startsWith("connect to 127.0.0.1:" + closedPort + " failed: ")
                    .contains("refused");
        }
    }

    @ParameterizedTest
    @FieldSource("KINDS")
    void aConnectThatHangsTimesOutWith1014(String kind) throws Exception {
        try (DeafListener deaf = new DeafListener();
             TcpBridge bridge = TcpBridge.to(new BridgeTarget("127.0.0.1", deaf.port()),
                     BridgeSettings.defaults().withConnectTimeoutMillis(500));
             ServletHost host = ServletHost.start(kind, Map.of(), bridge.endpointConfig("/svc"))) {
            JdkPeer.Closed closed = JdkPeer.connect(host.ws("/svc"), "binary").awaitClose();
            assertThat(closed).isEqualTo(new JdkPeer.Closed(1014,
                    "connect to 127.0.0.1:" + deaf.port() + " timed out after 500 ms"));
        }
    }

    @ParameterizedTest
    @FieldSource("KINDS")
    void bytesSentWhileTheConnectIsUnderWayReachTheTargetBeforeTheClose(String kind) throws Exception {
        try (DeafListener slow = new DeafListener();
             TcpBridge bridge = TcpBridge.to(new BridgeTarget("127.0.0.1", slow.port()), BridgeSettings.defaults());
             ServletHost host = ServletHost.start(kind, Map.of(), bridge.endpointConfig("/slow"))) {
            JdkPeer peer = JdkPeer.connect(host.ws("/slow"), "binary");
            peer.ws().sendBinary(ByteBuffer.wrap("early bytes".getBytes(StandardCharsets.US_ASCII)), true).join();
            // The connect cannot finish before the listener hears; the session is paused while the
            // bytes wait, so the close waits behind them.
            peer.ws().sendClose(1000, "").join();
            assertThat(slow.acceptFirstSender(8_000)).asString(StandardCharsets.US_ASCII).isEqualTo("early bytes");
            assertThat(peer.awaitClose().code()).isEqualTo(1000);
        }
    }

    @ParameterizedTest
    @FieldSource("KINDS")
    void aTargetThatStopsReadingIsDroppedAfterTheWriteTimeout(String kind) throws Exception {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        TcpService.Behaviour readNothing = s -> {
            try (s) {
                done.await(); // takes the connection, reads nothing
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        try (TcpService deaf = TcpService.startSmallBuffers(readNothing, 8 * 1024);
             TcpBridge bridge = TcpBridge.to(BridgeTarget.parse(deaf.hostAndPort()),
                     BridgeSettings.defaults().withWriteTimeoutMillis(1_000).withSocketBufferSize(8 * 1024));
             ServletHost host = ServletHost.start(kind, Map.of(), bridge.endpointConfig("/deaf"))) {
            JdkPeer peer = JdkPeer.connect(host.ws("/deaf"), "binary");
            peer.ws().sendBinary(ByteBuffer.allocate(8 * 1024 * 1024), true); // more than every buffer on the way
            assertThat(peer.awaitClose()).isEqualTo(new JdkPeer.Closed(1014, deaf.hostAndPort() + " took nothing for 1000 ms"));
            assertThat(bridge.openConnections()).isZero();
        } finally {
            done.countDown();
        }
    }

    @ParameterizedTest
    @FieldSource("KINDS")
    void aChooserPicksPerRequestOnlyFromTheAllowList(String kind) throws Exception {
        try (TcpService echo = TcpService.start(TcpService.echo());
             TcpBridge bridge = TcpBridge.choosing(request -> {
                 List<String> to = request.getParameterMap().get("to");
                 return to == null ? null : BridgeTarget.parse(to.get(0));
             }, AllowList.of(echo.hostAndPort()), BridgeSettings.defaults());
             ServletHost host = ServletHost.start(kind, Map.of(), bridge.endpointConfig("/to"))) {
            JdkPeer allowed = JdkPeer.connect(host.ws("/to?to=" + echo.hostAndPort()), "binary");
            allowed.ws().sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}), true).join();
            assertThat(allowed.binary(3)).containsExactly(1, 2, 3);
            allowed.ws().sendClose(1000, "").join();

            JdkPeer elsewhere = JdkPeer.connect(host.ws("/to?to=127.0.0.1:22"), "binary");
            assertThat(elsewhere.awaitClose()).isEqualTo(new JdkPeer.Closed(1008, "target not allowed"));
            JdkPeer nowhere = JdkPeer.connect(host.ws("/to"), "binary");
            assertThat(nowhere.awaitClose()).isEqualTo(new JdkPeer.Closed(1008, "no target for this request"));
        }
    }

    @ParameterizedTest
    @FieldSource("KINDS")
    void enforcesTheConnectionLimitAndTheIdleTimeout(String kind) throws Exception {
        try (BridgedEcho echo = BridgedEcho.start(kind,
                BridgeSettings.defaults().withMaxConnections(1).withIdleTimeoutMillis(1_000))) {
            JdkPeer first = JdkPeer.connect(echo.ws(), "binary");
            first.ws().sendBinary(ByteBuffer.wrap(new byte[] {1}), true).join();
            assertThat(first.binary(1)).as("the first is bridged").hasSize(1);
            JdkPeer second = JdkPeer.connect(echo.ws(), "binary");
            assertThat(second.awaitClose()).isEqualTo(new JdkPeer.Closed(1013, "the bridge has 1 connections open"));
            assertThat(first.awaitClose()).isEqualTo(new JdkPeer.Closed(1001, "idle timeout: no traffic for 1000 ms"));
        }
    }

    @ParameterizedTest
    @FieldSource("KINDS")
    void closingTheBridgeClosesItsWebSocketsWith1001(String kind) throws Exception {
        try (TcpService echo = TcpService.start(TcpService.echo());
             DeafListener deaf = new DeafListener()) {
            TcpBridge open = TcpBridge.to(BridgeTarget.parse(echo.hostAndPort()), BridgeSettings.defaults());
            TcpBridge connecting = TcpBridge.to(new BridgeTarget("127.0.0.1", deaf.port()), BridgeSettings.defaults());
            try (ServletHost host = ServletHost.start(kind, Map.of(), open.endpointConfig("/open"),
                    connecting.endpointConfig("/connecting"))) {
                JdkPeer bridged = JdkPeer.connect(host.ws("/open"), "binary");
                bridged.ws().sendBinary(ByteBuffer.wrap(new byte[] {1}), true).join();
                assertThat(bridged.binary(1)).containsExactly(1);
                JdkPeer waiting = JdkPeer.connect(host.ws("/connecting"), "binary");
                org.awaitility.Awaitility.await().until(() -> connecting.openConnections() == 1);
                open.close();
                connecting.close();
                assertThat(bridged.awaitClose()).isEqualTo(new JdkPeer.Closed(1001, "the bridge is shutting down"));
                assertThat(waiting.awaitClose()).isEqualTo(new JdkPeer.Closed(1001, "the bridge is shutting down"));
                assertThat(open.openConnections()).isZero();
                assertThat(connecting.openConnections()).isZero();
            }
        }
    }
}
