package dev.freeway.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freeway.client.TestCertificate;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * wss:// through each container's TLS connector and Freeway's native takeover of the decrypted
 * connection: the session says it is secure, and text and a 4 MiB binary message (many TLS
 * records) echo intact, through the JDK's client trusting a certificate made for the test.
 */
class SecureUpgradeTest {
    private static TestCertificate certificate;

    @BeforeAll
    static void certificate(@TempDir Path dir) throws Exception {
        certificate = TestCertificate.generate(Files.createDirectories(dir.resolve("tls")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void echoesOverTls(String kind) throws Exception {
        EmbeddedServer.Tls tls = new EmbeddedServer.Tls(certificate.keyStore, TestCertificate.PASSWORD);
        try (EmbeddedServer server = EmbeddedServer.startTls(kind, tls, SecureEndpoint.class)) {
            HttpClient http = HttpClient.newBuilder().sslContext(certificate.trustingContext()).build();
            ServletUpgradeTest.Collector c = new ServletUpgradeTest.Collector();
            WebSocket ws = http.newWebSocketBuilder()
                    .buildAsync(URI.create("wss://localhost:" + server.port() + "/app/secure"), c)
                    .get(10, TimeUnit.SECONDS);

            ws.sendText("over tls", true).get(10, TimeUnit.SECONDS);
            assertThat(c.next()).isEqualTo("secure=true length=8");

            byte[] big = new byte[4 << 20];
            new Random(7).nextBytes(big);
            ws.sendBinary(ByteBuffer.wrap(big), true).get(30, TimeUnit.SECONDS);
            assertThat((byte[]) c.next()).isEqualTo(big);

            ws.sendClose(1000, "done").get(10, TimeUnit.SECONDS);
        }
    }
}
