package dev.freeway.examples.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freeway.bridge.StreamSubprotocol;
import dev.freeway.bridge.client.WebSocketStream;
import dev.freeway.bridge.client.WebSocketStreams;
import dev.freeway.client.FreewayClientContainer;
import dev.freeway.container.server.FreewayExtension;
import dev.freeway.examples.launcher.ContainerKind;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Extension;
import jakarta.websocket.Session;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The demo launcher, started as {@code java -jar freeway-demo.jar} on each container, talked to by
 * the JDK's WebSocket client, Freeway's client and the hash clients run as their own processes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoServerIT {
    private static final int MIB = 1024 * 1024;

    private final Map<ContainerKind, DemoProcess> demos = new EnumMap<>(ContainerKind.class);

    @BeforeAll
    void startBothContainers() throws Exception {
        for (ContainerKind kind : ContainerKind.values()) {
            demos.put(kind, DemoProcess.start(kind));
        }
    }

    @AfterAll
    void stop() throws Exception {
        for (DemoProcess demo : demos.values()) {
            demo.close();
        }
    }

    @ParameterizedTest
    @EnumSource(ContainerKind.class)
    void runsFreewayAsTheOnlyWebSocketImplementation(ContainerKind kind) {
        assertThat(demos.get(kind).banner())
                .contains("WebSocket implementation: dev.freeway.container.FreewayServerContainer")
                .contains("/hash/stream");
    }

    @ParameterizedTest
    @EnumSource(ContainerKind.class)
    void servesThePage(ContainerKind kind) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(demos.get(kind).http()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Freeway demo</title>").contains("app.js");
        HttpResponse<String> script = http.send(HttpRequest.newBuilder(demos.get(kind).http().resolve("app.js")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("socketUrl('echo')");
    }

    @ParameterizedTest
    @EnumSource(ContainerKind.class)
    void servesTheMetersAsText(ContainerKind kind) throws Exception {
        HttpResponse<String> meters = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(demos.get(kind).http().resolve("metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(meters.statusCode()).isEqualTo(200);
        assertThat(meters.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        // every endpoint is there from deployment, whatever the other tests have sent so far
        assertThat(meters.body()).contains("freeway_sessions_open{path=\"/echo\"} ", "freeway_sessions_open{path=\"/chat/{room}\"} ",
                "freeway_bytes_received_total{path=\"/hash/stream\"} ", "freeway_workers_active ");
    }

    @ParameterizedTest
    @EnumSource(ContainerKind.class)
    void echoesTextAsTextAndBinaryAsBinaryUpTo16MiB(ContainerKind kind) throws Exception {
        DemoChecks.echoesTextAsTextAndBinaryAsBinaryUpTo16MiB(demos.get(kind)::ws);
    }

    @ParameterizedTest
    @EnumSource(ContainerKind.class)
    void chatBroadcastsWithinTheRoomOnly(ContainerKind kind) throws Exception {
        DemoChecks.chatBroadcastsWithinTheRoomOnly(demos.get(kind)::ws);
    }

    @ParameterizedTest
    @EnumSource(ContainerKind.class)
    void echoNegotiatesPermessageDeflateWithTheWindowAsked(ContainerKind kind) throws Exception {
        // A 9-bit server window needs JZlib, which the WAR carries (issue 18: such offers were declined).
        ClientEndpointConfig smallWindow = ClientEndpointConfig.Builder.create().extensions(List.of(new FreewayExtension(
                "permessage-deflate", List.of(new FreewayExtension.Parameter("server_max_window_bits", "9"))))).build();
        try (FreewayClientContainer client = new FreewayClientContainer()) {
            client.setDefaultMaxTextMessageBufferSize(MIB); // the echo comes back whole
            CompletableFuture<String> reply = new CompletableFuture<>();
            Session s = client.connectToServer(new Endpoint() {
                @Override
                public void onOpen(Session session, EndpointConfig config) {
                    session.addMessageHandler(String.class, reply::complete);
                }
            }, smallWindow, demos.get(kind).ws("echo"));
            assertThat(s.getNegotiatedExtensions()).extracting(Extension::getName).containsExactly("permessage-deflate");
            assertThat(s.getNegotiatedExtensions().get(0).getParameters())
                    .extracting(Extension.Parameter::getName, Extension.Parameter::getValue)
                    .contains(org.assertj.core.groups.Tuple.tuple("server_max_window_bits", "9"));
            String compressible = "freeway ".repeat(100_000);
            s.getBasicRemote().sendText(compressible);
            assertThat(reply.get(20, TimeUnit.SECONDS)).isEqualTo(compressible);
            s.close();
        }
    }

    static Stream<Arguments> variantsOnEachContainer() {
        return Stream.of(ContainerKind.values()).flatMap(kind -> Stream.of("message", "frame", "stream")
                .map(variant -> Arguments.of(kind, variant)));
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("variantsOnEachContainer")
    void hashClientChecksEveryDigest(ContainerKind kind, String variant) throws Exception {
        URI url = demos.get(kind).ws("hash/" + variant);
        HashClientProcess run = HashClientProcess.run(variant, url, "--bytes", "16m", "--quiet");
        assertThat(run.exitCode()).as(run.output()).isZero();
        int digests = variant.equals("frame") ? 17 : 16; // the frame variant's closing frame is answered too
        assertThat(run.output()).contains("OK: " + digests + " digests matched, 16.0 MiB sent");
    }

    @ParameterizedTest(name = "{1} with 64 KiB chunks on {0}")
    @MethodSource("variantsOnEachContainer")
    void hashClientChecksEveryDigestWithSmallUnits(ContainerKind kind, String variant) throws Exception {
        URI url = demos.get(kind).ws("hash/" + variant);
        HashClientProcess run = HashClientProcess.run(variant, url, "--bytes", "2m", "--size", "64k");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("computed by server").contains("(matches)").contains("2.0 MiB sent");
    }

    static Stream<Arguments> framingsOnEachContainer() {
        return Stream.of(ContainerKind.values()).flatMap(kind -> Stream.of(StreamSubprotocol.values())
                .map(framing -> Arguments.of(kind, framing)));
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("framingsOnEachContainer")
    void theBridgeEchoesAByteStreamThroughItsTcpService(ContainerKind kind, StreamSubprotocol framing) throws Exception {
        byte[] sent = new byte[4 * MIB];
        new Random(17).nextBytes(sent);
        try (WebSocketStream stream = WebSocketStreams.connect(demos.get(kind).ws("bridge/echo"), framing)) {
            // write while reading: the echo holds back what nobody reads, so a writer alone would stall
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                try {
                    stream.outputStream().write(sent);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertThat(stream.inputStream().readNBytes(sent.length)).isEqualTo(sent);
            writing.get(30, TimeUnit.SECONDS);
        }
    }

    @ParameterizedTest
    @EnumSource(ContainerKind.class)
    void hashClientExitsNonZeroWhenADigestDiffers(ContainerKind kind) throws Exception {
        // 2 MiB messages to the streaming server: its first answer covers only the first 1 MiB.
        URI url = demos.get(kind).ws("hash/stream");
        HashClientProcess run = HashClientProcess.run("message", url, "--bytes", "2m", "--size", "2m");
        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("MISMATCH: digest for message 0 differs");
    }
}
