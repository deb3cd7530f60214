package dev.freeway.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.freeway.cdi.app.LifecycleEndpoint;
import dev.freeway.cdi.app.Tally;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stopping the application destroys the endpoints and {@link WebSocketSessionScoped} beans of the
 * sessions still open, and their {@code @OnClose} runs with CDI working, whether Freeway's listener
 * stops before Weld's (Weld's initializer ran first) or after (then CDI's stopping closes them).
 */
class UndeployTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest
    @CsvSource({"jetty, WELD_FIRST", "jetty, WELD_LAST", "tomcat, WELD_FIRST", "tomcat, WELD_LAST"})
    void stoppingTheApplicationDestroysWhatOpenSessionsHold(String kind, CdiServer.Setup setup) throws Exception {
        int n = 5;
        Map<String, AtomicInteger> counts;
        List<Peer> peers = new ArrayList<>();
        try (CdiServer server = CdiServer.start(kind, setup, LifecycleEndpoint.class)) {
            counts = server.bean(Tally.class).counts(); // the live map outlives the application
            for (int i = 0; i < n; i++) {
                Peer p = Peer.connect(http, server.port(), "/life");
                p.next(); // @OnOpen has run and created the connection's bean
                peers.add(p);
            }
            assertThat(counts.get("ConnectionState.created")).hasValue(n);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(counts.get("LifecycleEndpoint.destroyed")).as("endpoints").hasValue(n);
            assertThat(counts.get("ConnectionState.destroyed")).as("connection beans").hasValue(n);
        });
        // Whichever stopped first, @OnClose ran while CDI still worked.
        assertThat(counts.get("LifecycleEndpoint.closedWithBeans")).hasValue(n);
        for (Peer p : peers) {
            p.vanish();
        }
    }
}
