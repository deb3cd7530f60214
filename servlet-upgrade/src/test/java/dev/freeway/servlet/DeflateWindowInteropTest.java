package dev.freeway.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freeway.engine.DeflateDistances;
import dev.freeway.interop.PythonWebsockets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * permessage-deflate window sizes against an independent client, Python's {@code websockets},
 * on both containers: the client offers windows, Freeway answers per RFC 7692 section 7.1.2 and
 * echoes compressed with the agreed window, which the client's captured stream proves
 * ({@link DeflateDistances} reads the longest back-reference).
 */
class DeflateWindowInteropTest {
    private static PythonWebsockets python;

    @BeforeAll
    static void peer() throws Exception {
        python = PythonWebsockets.require();
    }

    @AfterAll
    static void closePeer() throws Exception {
        if (python != null) {
            python.close();
        }
    }

    private static String url(EmbeddedServer server) {
        return "ws://127.0.0.1:" + server.port() + "/app/echo/py";
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void smallServerWindowIsAcceptedAndUsed(String kind) throws Exception {
        try (EmbeddedServer server = EmbeddedServer.start(kind, EchoEndpoint.class)) {
            for (boolean noContext : new boolean[] {false, true}) {
                PythonWebsockets.Report r = python.client(url(server),
                        "{\"server_max_window_bits\": 9, \"server_no_context_takeover\": " + (noContext ? "true" : "false") + "}");

                assertThat(r.extensions()).contains("server_max_window_bits=9");
                assertThat(r.extensions().contains("server_no_context_takeover")).isEqualTo(noContext);
                assertThat(r.messages()).as("compressed echoes").isGreaterThanOrEqualTo(8);
                assertThat(DeflateDistances.maxDistance(r.stream())).isPositive().isLessThanOrEqualTo(512);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void eightBitsAreHonouredWithLiteralsOnly(String kind) throws Exception {
        try (EmbeddedServer server = EmbeddedServer.start(kind, EchoEndpoint.class)) {
            PythonWebsockets.Report r = python.client(url(server), "{\"server_max_window_bits\": 8}");

            assertThat(r.extensions()).contains("server_max_window_bits=8");
            assertThat(r.messages()).isGreaterThanOrEqualTo(8);
            assertThat(DeflateDistances.maxDistance(r.stream())).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void fullWindowUsesLongDistances(String kind) throws Exception {
        // The control: the same messages at 15 bits reach back 3000 bytes, so the checks above see
        // a small window rather than messages that never needed a large one.
        try (EmbeddedServer server = EmbeddedServer.start(kind, EchoEndpoint.class)) {
            PythonWebsockets.Report r = python.client(url(server), "{\"server_max_window_bits\": 15}");

            assertThat(r.extensions()).contains("server_max_window_bits=15");
            assertThat(DeflateDistances.maxDistance(r.stream())).isGreaterThan(2048);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void deployerChoosesTheWindows(String kind) throws Exception {
        Map<String, String> params = Map.of(
                "dev.freeway.deflate.serverMaxWindowBits", "10",
                "dev.freeway.deflate.clientMaxWindowBits", "11");
        try (EmbeddedServer server = EmbeddedServer.start(kind, params, EchoEndpoint.class)) {
            // websockets offers a bare client_max_window_bits by default: the server may choose.
            PythonWebsockets.Report r = python.client(url(server), "{}");

            assertThat(r.extensions()).contains("server_max_window_bits=10").contains("client_max_window_bits=11");
            assertThat(DeflateDistances.maxDistance(r.stream())).isPositive().isLessThanOrEqualTo(1024);
        }
    }
}
