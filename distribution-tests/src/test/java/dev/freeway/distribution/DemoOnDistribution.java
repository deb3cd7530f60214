package dev.freeway.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freeway.examples.it.BrowserCheck;
import dev.freeway.examples.it.DemoChecks;
import dev.freeway.examples.it.ShutdownCheck;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The demo WAR in one stand-alone distribution, deployed by running the README's recipe for it,
 * then checked as the demo's own tests check the launcher: echo and chat with the JDK's client, the
 * streaming hash server, the page in headless Chromium; last, that SIGTERM stops the server with
 * 1001 to every WebSocket client. One subclass per distribution; the server lives as long as the
 * class's tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class DemoOnDistribution {
    /** Where a WAR named freeway-demo.war is served, as the README says. */
    private static final String CONTEXT_ROOT = "/freeway-demo/";

    private final Distribution distribution;
    private ServerProcess server;
    private URI page;

    @RegisterExtension
    final ServerLogOnFailure logOnFailure = new ServerLogOnFailure(() -> server);

    DemoOnDistribution(Distribution distribution) {
        this.distribution = distribution;
    }

    @BeforeAll
    void deployTheDemoAsTheReadmeSays() throws Exception {
        ReadmeRecipe recipe = ReadmeRecipe.read(Settings.readme(), distribution.recipe());
        Installation installation = distribution.installation();
        assertThat(recipe.startCommand()).as("the README recipe %s ends by starting the server in the foreground",
                recipe.name()).startsWith(installation.startCommandPrefix());

        String id = distribution.name().toLowerCase(Locale.ROOT);
        Path run = Settings.work().resolve(id);
        int port = ServerProcess.freePort();
        Map<String, String> environment = installation.prepare(run, port);
        page = URI.create("http://127.0.0.1:" + port + CONTEXT_ROOT);
        server = ServerProcess.start(recipe.script(installation.portArguments(port)), environment,
                Settings.repository(), Settings.work().resolve(id + ".log"), page);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** The {@code ws:} URL of {@code path} under the demo's context root (no leading slash). */
    URI ws(String path) {
        return URI.create("ws" + page.toString().substring("http".length()) + path);
    }

    @Test
    void startsFreewayWithTheDemosEndpointsAndNoWarning() {
        assertThat(server.log().text()).contains("Freeway WebSocket started in '/freeway-demo' with 5 endpoint(s)");
        assertThat(server.log().freewayProblems()).as("Freeway's warnings and errors in the server's log").isEmpty();
    }

    @Test
    void echoesTextAsTextAndBinaryAsBinaryUpTo16MiB() throws Exception {
        DemoChecks.echoesTextAsTextAndBinaryAsBinaryUpTo16MiB(this::ws);
    }

    @Test
    void chatsWithItsEndpointsAsCdiBeans() throws Exception {
        DemoChecks.chatBroadcastsWithinTheRoomOnly(this::ws);
        // The chat's endpoint and its session-scoped member come from the WAR's Weld.
        assertThat(server.log().text()).contains("Freeway WebSocket endpoints in '/freeway-demo' are CDI beans");
    }

    @Test
    void hashStreamAnswersEveryMiB() throws Exception {
        HashStreamCheck.answersEveryMiB(ws("hash/stream"));
    }

    @Test
    void thePageEchoesAndChatsInChromium() throws Exception {
        BrowserCheck.thePageEchoesAndChats(page, this::ws);
    }

    /**
     * Stops the server, so it runs last. Stand-alone Jetty stops its connectors before its web
     * applications: the 1001s show that Freeway drained when the server began to stop.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void sigtermSendsEveryWebSocketClient1001() throws Exception {
        ShutdownCheck clients = ShutdownCheck.connect(this::ws, 20);
        // 2 s of shutdown timeout, then the container's own stop (Jetty's stop timeout is 5 s, for other connections)
        clients.assertEveryClientGot1001(distribution + ", SIGTERM to exit", server.terminate(Duration.ofSeconds(60)),
                Duration.ofSeconds(20));
    }
}
