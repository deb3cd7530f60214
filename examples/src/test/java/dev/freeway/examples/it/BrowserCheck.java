package dev.freeway.examples.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * A real browser on the demo page: headless Chromium's own WebSocket echoes text and binary
 * through {@code /echo} with permessage-deflate negotiated, sends bytes through the TCP bridge
 * {@code /bridge/echo} in both framings, and chats in a room where a JDK client
 * listens. The page is driven through its form controls (drive-demo.js), over the DevTools protocol
 * spoken by Freeway's client. Shared by the launcher's browser test and the distribution tests.
 */
public final class BrowserCheck {
    /** The request headers of an HTTP/2 CONNECT, as Chromium's network log has them (a JSON array). */
    private static final Pattern EXTENDED_CONNECT = Pattern.compile("\"headers\"\\s*:\\s*\\[(\":method: CONNECT\"[^\\]]*)\\]");
    /** An HTTP/1.1 request's upgrade header, as Chromium's network log has it. */
    private static final Pattern HTTP11_UPGRADE = Pattern.compile("(?i)\"upgrade: websocket\"");

    private BrowserCheck() {
    }

    /**
     * Opens {@code page} (the demo's context root, ending in {@code /}) in Chromium and drives it.
     * Skips when Chromium is missing, except under CI, where it fails.
     *
     * @param ws a path under the context root (no leading slash) to its WebSocket URL
     */
    public static void thePageEchoesAndChats(URI page, Function<String, URI> ws) throws Exception {
        drive(page, ws, HttpClient.newHttpClient(), List.of());
    }

    /**
     * As {@link #thePageEchoesAndChats}, on a server with a self-signed certificate that offers h2 by
     * ALPN and announces RFC 8441: Chromium's network log must show the page's WebSockets opened as
     * extended CONNECTs on its HTTP/2 connection, and none as an HTTP/1.1 upgrade.
     */
    public static void thePageEchoesAndChatsOverHttp2(URI page, Function<String, URI> ws) throws Exception {
        Path netLog = Files.createTempFile("freeway-chromium-netlog", ".json");
        try {
            drive(page, ws, HttpClient.newBuilder().sslContext(TrustingTls.context()).build(),
                    List.of("--ignore-certificate-errors", "--log-net-log=" + netLog));
            // Chromium writes the log out as it exits, which drive() has waited for
            String log = Files.readString(netLog);
            List<String> connects = EXTENDED_CONNECT.matcher(log).results().map(m -> m.group(1)).toList();
            assertThat(connects).as("the extended CONNECTs in Chromium's network log")
                    .anySatisfy(h -> assertThat(h).contains("\":protocol: websocket\"",
                            "\":path: " + page.getPath() + "echo\""))
                    .anySatisfy(h -> assertThat(h).contains("\":protocol: websocket\"",
                            "\":path: " + page.getPath() + "bridge/echo\""));
            assertThat(HTTP11_UPGRADE.matcher(log).results().map(MatchResult::group).toList())
                    .as("WebSockets opened as HTTP/1.1 upgrades in Chromium's network log").isEmpty();
        } finally {
            Files.deleteIfExists(netLog);
        }
    }

    private static void drive(URI page, Function<String, URI> ws, HttpClient listening, List<String> switches)
            throws Exception {
        // CI installs Chromium (.ci/run), so there a missing browser is a failure, not a skip.
        boolean ci = "true".equals(System.getenv("CI"));
        if (ci) {
            assertThat(Chromium.EXECUTABLE).as("Chromium for the browser test (.ci/run installs it)").isExecutable();
        }
        assumeTrue(Files.isExecutable(Chromium.EXECUTABLE), "no " + Chromium.EXECUTABLE + " (apt-get install chromium)");
        try (JdkSocket listener = JdkSocket.open(ws.apply("chat/browsers?name=listener"), listening);
             Chromium chromium = Chromium.open(page, switches);
             DevTools devTools = new DevTools(chromium.pageDebuggerUrl())) {
            assertThat(listener.nextText()).isEqualTo("* listener joined #browsers (1 here)");

            devTools.awaitPage(page.toString(), 30);
            String result = devTools.evaluate(script("drive-demo.js"), 30);

            assertThat(result).contains("extensions=permessage-deflate")
                    .contains("echo=hello from chromium|[binary] bytes from chromium")
                    .contains("chat=* chromium joined #browsers (2 here)|chromium: hi from the browser")
                    .contains("bridge=binary:binary bytes through the bridge|base64:base64 bytes through the bridge");
            assertThat(listener.nextText()).isEqualTo("* chromium joined #browsers (2 here)");
            assertThat(listener.nextText()).isEqualTo("chromium: hi from the browser");
        }
    }

    private static String script(String name) throws IOException {
        try (InputStream in = BrowserCheck.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
