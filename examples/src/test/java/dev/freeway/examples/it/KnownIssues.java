package dev.freeway.examples.it;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.freeway.examples.launcher.ContainerKind;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/** Problems outside this module that the tests step around, each named so it is easy to undo. */
final class KnownIssues {
    /**
     * Jetty 12.1's own {@code HttpServletRequest.upgrade} ends the upgraded input at once when the
     * handshake has no {@code Content-Length} header (the README's "Known issue"): the 101 goes out,
     * then nothing is read, and once Freeway closes, the connection goes back to HTTP and the next
     * frame gets {@code 400 Bad Request}. Browsers, Freeway's own client and JDK 25's client send no
     * Content-Length; JDK 17's client sends {@code Content-Length: 0} and is not affected. Tomcat
     * is not affected. Set to {@code false} once servlet-upgrade works around it.
     */
    static final boolean JETTY_UPGRADE_WITHOUT_CONTENT_LENGTH = true;

    private KnownIssues() {
    }

    /** Skips a test whose client sends no Content-Length, on Jetty, while the issue stands. */
    static void assumeClientWithoutContentLengthWorksOn(ContainerKind kind) {
        assumeFalse(JETTY_UPGRADE_WITHOUT_CONTENT_LENGTH && kind == ContainerKind.JETTY,
                "known issue: Jetty 12.1's servlet upgrade ends the input of handshakes without Content-Length");
    }

    /** Skips a test that uses the JDK's WebSocket client on Jetty, if this JDK's client sends no Content-Length. */
    static void assumeJdkClientWorksOn(ContainerKind kind) {
        if (!JdkClient.SENDS_CONTENT_LENGTH) {
            assumeClientWithoutContentLengthWorksOn(kind);
        }
    }

    /** Asked once per test JVM: the JDK's client changed between releases. */
    private static final class JdkClient {
        static final boolean SENDS_CONTENT_LENGTH = sendsContentLength();

        /** Lets the JDK's client send a handshake to a socket of ours and looks at its head. */
        private static boolean sendsContentLength() {
            try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                server.setSoTimeout(5000);
                CompletableFuture<WebSocket> attempt = HttpClient.newHttpClient().newWebSocketBuilder()
                        .connectTimeout(Duration.ofSeconds(5))
                        .buildAsync(URI.create("ws://127.0.0.1:" + server.getLocalPort() + "/"), new WebSocket.Listener() {
                        });
                try (Socket s = server.accept()) {
                    return head(s.getInputStream()).toLowerCase(Locale.ROOT).contains("\r\ncontent-length:");
                } finally {
                    attempt.cancel(true);
                }
            } catch (IOException e) {
                return false; // could not tell: assume the worse, which only skips more
            }
        }

        private static String head(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            for (int b; (b = in.read()) != -1 && head.size() < 16_384; ) {
                head.write(b);
                if (head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                    break;
                }
            }
            return head.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
