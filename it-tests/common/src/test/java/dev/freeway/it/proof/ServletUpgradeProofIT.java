package dev.freeway.it.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.freeway.it.support.ContainerDefects;
import dev.freeway.it.support.FreewayWar;
import dev.freeway.it.support.RawHttpConnection;
import jakarta.servlet.ServletContainerInitializer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Proves the integration-test infrastructure on each container without any Freeway code: a WAR
 * deploys at the expected URL, a ServletContainerInitializer in a library jar gets its
 * {@code @HandlesTypes} classes while no container WebSocket implementation runs, and
 * {@code HttpServletRequest.upgrade} hands the raw connection to an {@code HttpUpgradeHandler} that
 * reads and writes with non-blocking listeners.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ServletUpgradeProofIT {

    private static final String CONTENT_LENGTH_0 = "Content-Length: 0";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        JavaArchive initializerJar = ShrinkWrap.create(JavaArchive.class, "probe-initializer.jar")
                .addClasses(ProbeInitializer.class, Probe.class, ProbeBase.class)
                .addAsServiceProvider(ServletContainerInitializer.class, ProbeInitializer.class);
        return FreewayWar.withoutFreeway("proof",
                        HelloServlet.class, EchoUpgradeServlet.class, EchoHandler.class, EventsServlet.class,
                        ProbedAnnotated.class, ProbedSubclass.class)
                .addAsLibrary(initializerJar);
    }

    @Test
    void servletAnswersPlainGet() throws Exception {
        assertThat(base.getPath()).isEqualTo("/proof/");
        assertThat(get("hello")).startsWith("hello from ");
    }

    @Test
    void initializerInLibraryJarGetsHandlesTypesAndNoContainerWebSocketRuns() throws Exception {
        String report = get("probe");

        assertThat(report)
                .contains(ProbedAnnotated.class.getName())
                .contains(ProbedSubclass.class.getName());
        // Tomcat's WsSci is absent or filtered by META-INF/context.xml; no Jetty WebSocket jar is present
        assertThat(report).contains("serverContainer=none");
    }

    @Test
    void upgradeSwitchesProtocolsAndHandlerWrites() throws Exception {
        try (RawHttpConnection connection = upgrade()) {
            assertThat(connection.readExactly(EchoHandler.GREETING.length)).isEqualTo(EchoHandler.GREETING);
        }
    }

    @Test
    @DisabledIfSystemProperty(named = ContainerDefects.UPGRADE_INPUT_EOF, matches = "true",
            disabledReason = "the container ends the upgraded input at once; see ContainerDefects")
    void upgradedConnectionEchoesBytes() throws Exception {
        // no Content-Length, as browsers and most WebSocket clients send their handshake
        try (RawHttpConnection connection = upgrade()) {
            assertEchoes(connection);
        }
    }

    @Test
    void upgradedConnectionEchoesBytesAfterRequestWithContentLength0() throws Exception {
        // as the JDK 17 HttpClient sends its WebSocket handshake; works around the Jetty defect
        try (RawHttpConnection connection = upgrade(CONTENT_LENGTH_0)) {
            assertEchoes(connection);
        }
    }

    /** Fails once the container is fixed: then drop the defect property from the module's pom. */
    @Test
    @EnabledIfSystemProperty(named = ContainerDefects.UPGRADE_INPUT_EOF, matches = "true")
    void canaryUpgradedInputStillEndsAtOnce() throws Exception {
        try (RawHttpConnection connection = upgrade()) {
            assertThat(connection.readExactly(EchoHandler.GREETING.length)).isEqualTo(EchoHandler.GREETING);

            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(get("events")).contains("end of input after 0 bytes"));
        }
    }

    @Test
    @DisabledIfSystemProperty(named = ContainerDefects.UPGRADE_WRITE_IGNORES_RANGE, matches = "true",
            disabledReason = "the container writes whole arrays whatever the range; see ContainerDefects")
    void upgradedOutputWritesOnlyTheRangeAsked() throws Exception {
        try (RawHttpConnection connection = upgradeAt("echo", CONTENT_LENGTH_0)) {
            assertEchoes(connection);
        }
    }

    /** Fails once the container is fixed: then drop the defect property from the module's pom. */
    @Test
    @EnabledIfSystemProperty(named = ContainerDefects.UPGRADE_WRITE_IGNORES_RANGE, matches = "true")
    void canaryUpgradedOutputStillWritesWholeArrays() throws Exception {
        try (RawHttpConnection connection = upgradeAt("echo", CONTENT_LENGTH_0)) {
            // the handler writes the greeting as a range of its 8 KiB buffer; the rest comes too
            byte[] written = connection.readExactly(EchoHandler.GREETING.length + 16);
            assertThat(Arrays.copyOf(written, EchoHandler.GREETING.length)).isEqualTo(EchoHandler.GREETING);
            assertThat(Arrays.copyOfRange(written, EchoHandler.GREETING.length, written.length)).containsOnly(0);
        }
    }

    private static void assertEchoes(RawHttpConnection connection) throws Exception {
        assertThat(connection.readExactly(EchoHandler.GREETING.length)).isEqualTo(EchoHandler.GREETING);

        byte[] hello = "hello, upgraded world".getBytes(StandardCharsets.US_ASCII);
        connection.output().write(hello);
        connection.output().flush();
        assertThat(connection.readExactly(hello.length)).isEqualTo(hello);

        // more than the socket buffers hold, written while we read: both listeners must cycle
        byte[] bulk = new byte[4 * 1024 * 1024];
        new Random(42).nextBytes(bulk);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> writeAll(connection.output(), bulk));
        assertThat(connection.readExactly(bulk.length)).isEqualTo(bulk);
        writer.get(10, TimeUnit.SECONDS);

        connection.shutdownOutput();
        assertThat(connection.input().read()).as("server closes after our half-close").isEqualTo(-1);
    }

    private RawHttpConnection upgrade(String... extraHeaders) throws IOException {
        return upgradeAt(echoPath(), extraHeaders);
    }

    /**
     * The handler's path; where the container writes whole arrays whatever the range, the handler
     * steps around it as Freeway does, so that the other proofs still prove what they are about.
     */
    static String echoPath() {
        return ContainerDefects.declared(ContainerDefects.UPGRADE_WRITE_IGNORES_RANGE)
                ? "echo?" + EchoHandler.WHOLE_ARRAYS : "echo";
    }

    private RawHttpConnection upgradeAt(String path, String... extraHeaders) throws IOException {
        RawHttpConnection connection = RawHttpConnection.open(base);
        String[] headers = new String[extraHeaders.length + 2];
        headers[0] = "Connection: Upgrade";
        headers[1] = "Upgrade: echo";
        System.arraycopy(extraHeaders, 0, headers, 2, extraHeaders.length);
        connection.sendHead("GET " + base.getPath() + path + " HTTP/1.1", headers);
        RawHttpConnection.ResponseHead head = connection.readHead();
        assertThat(head.status()).as(head.statusLine()).isEqualTo(101);
        assertThat(head.header("Upgrade")).hasValue("echo");
        return connection;
    }

    private String get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.toURI().resolve(path)).timeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static void writeAll(OutputStream out, byte[] bytes) {
        try {
            for (int offset = 0; offset < bytes.length; offset += 16384) {
                out.write(bytes, offset, Math.min(16384, bytes.length - offset));
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
