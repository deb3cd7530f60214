package dev.freeway.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freeway.container.server.FreewayExtension;
import dev.freeway.engine.DeflateDistances;
import dev.freeway.interop.PythonWebsockets;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.Extension;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Freeway's client against an independent permessage-deflate server, Python's {@code websockets}:
 * it offers {@code client_max_window_bits} so the server can choose, honours the window chosen
 * and the parameters the application configured, and the server's capture of what the client
 * sent proves the window ({@link DeflateDistances} reads the longest back-reference).
 */
class PythonDeflateInteropTest {
    private static PythonWebsockets python;
    private static FreewayClientContainer client;

    @BeforeAll
    static void start() throws Exception {
        python = PythonWebsockets.require();
        client = new FreewayClientContainer();
    }

    @AfterAll
    static void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (python != null) {
            python.close();
        }
    }

    /** Sends messages with near and far repeats, checks their echoes, closes; returns the server's report. */
    private static PythonWebsockets.Report exchange(PythonWebsockets.Server server, ClientEndpointConfig config)
            throws Exception {
        Recorder r = new Recorder();
        client.connectToServer(r, config, URI.create("ws://127.0.0.1:" + server.port() + "/"));
        assertThat(r.session.getNegotiatedExtensions()).extracting(Extension::getName).containsExactly("permessage-deflate");
        byte[] block = new byte[3000];
        for (int i = 0; i < block.length; i++) {
            block[i] = (byte) ((i * 7919 + i / 13) % 251);
        }
        byte[] far = new byte[9000];
        for (int i = 0; i < far.length; i++) {
            far[i] = block[i % block.length];
        }
        r.session.getBasicRemote().sendBinary(ByteBuffer.wrap(far));
        assertThat(r.binary()).isEqualTo(far);
        for (int i = 0; i < 6; i++) {
            String text = ("message " + i + ": permessage-deflate with a small window ").repeat(20 + i);
            r.session.getBasicRemote().sendText(text);
            assertThat(r.text()).isEqualTo(text);
        }
        r.session.close();
        r.awaitClose();
        return server.nextReport();
    }

    private static ClientEndpointConfig configured(List<Extension.Parameter> parameters) {
        return ClientEndpointConfig.Builder.create()
                .extensions(List.of(new FreewayExtension("permessage-deflate", parameters))).build();
    }

    private static Extension.Parameter parameter(String name, String value) {
        return new FreewayExtension.Parameter(name, value);
    }

    @Test
    void serverPicksTheClientWindow() throws Exception {
        try (PythonWebsockets.Server server = python.server("{\"client_max_window_bits\": 10}")) {
            PythonWebsockets.Report r = exchange(server, configured(List.of()));

            assertThat(r.offered()).isEqualTo("permessage-deflate; client_max_window_bits");
            assertThat(r.extensions()).contains("client_max_window_bits=10");
            assertThat(r.messages()).isEqualTo(7);
            assertThat(DeflateDistances.maxDistance(r.stream())).isPositive().isLessThanOrEqualTo(1024);
        }
    }

    @Test
    void eightBitClientWindowIsHonouredWithLiteralsOnly() throws Exception {
        try (PythonWebsockets.Server server = python.server("{\"client_max_window_bits\": 8}")) {
            PythonWebsockets.Report r = exchange(server, configured(List.of()));

            assertThat(r.extensions()).contains("client_max_window_bits=8");
            assertThat(r.messages()).isEqualTo(7);
            assertThat(DeflateDistances.maxDistance(r.stream())).isZero();
        }
    }

    @Test
    void applicationParametersAreOfferedAndHonoured() throws Exception {
        try (PythonWebsockets.Server server = python.server("{}")) {
            PythonWebsockets.Report r = exchange(server, configured(List.of(
                    parameter("client_no_context_takeover", null),
                    parameter("server_max_window_bits", "9"),
                    parameter("client_max_window_bits", "11"))));

            assertThat(r.offered()).isEqualTo(
                    "permessage-deflate; client_no_context_takeover; server_max_window_bits=9; client_max_window_bits=11");
            assertThat(r.extensions()).contains("server_max_window_bits=9").contains("client_no_context_takeover");
            assertThat(DeflateDistances.maxDistance(r.stream())).isPositive().isLessThanOrEqualTo(2048);
        }
    }

    @Test
    void fullWindowWhenTheServerLeavesItOpen() throws Exception {
        // The control: with 15 bits the client reaches back 3000 bytes, so the checks above see a
        // small window rather than messages that never needed a large one.
        try (PythonWebsockets.Server server = python.server("{}")) {
            PythonWebsockets.Report r = exchange(server, configured(List.of()));

            assertThat(r.extensions()).doesNotContain("client_max_window_bits");
            assertThat(DeflateDistances.maxDistance(r.stream())).isGreaterThan(2048);
        }
    }
}
