package dev.freeway.examples.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.function.Function;

/**
 * A real browser on the demo page: headless Chromium's own WebSocket echoes text and binary
 * through {@code /echo} with permessage-deflate negotiated, sends bytes through the TCP bridge
 * {@code /bridge/echo} in both framings, and chats in a room where a JDK client
 * listens. The page is driven through its form controls (drive-demo.js), over the DevTools protocol
 * spoken by Freeway's client. Shared by the launcher's browser test and the distribution tests.
 */
public final class BrowserCheck {
    private BrowserCheck() {
    }

    /**
     * Opens {@code page} (the demo's context root, ending in {@code /}) in Chromium and drives it.
     * Skips when Chromium is missing, except under CI, where it fails.
     *
     * @param ws a path under the context root (no leading slash) to its WebSocket URL
     */
    public static void thePageEchoesAndChats(URI page, Function<String, URI> ws) throws Exception {
        // CI installs Chromium (.ci/run), so there a missing browser is a failure, not a skip.
        boolean ci = "true".equals(System.getenv("CI"));
        if (ci) {
            assertThat(Chromium.EXECUTABLE).as("Chromium for the browser test (.ci/run installs it)").isExecutable();
        }
        assumeTrue(Files.isExecutable(Chromium.EXECUTABLE), "no " + Chromium.EXECUTABLE + " (apt-get install chromium)");
        try (JdkSocket listener = JdkSocket.open(ws.apply("chat/browsers?name=listener"));
             Chromium chromium = Chromium.open(page);
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
