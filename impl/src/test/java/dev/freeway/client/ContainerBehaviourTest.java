package dev.freeway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Extension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The container's threads, settings and shutdown, with Jetty as the server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContainerBehaviourTest {
    private JettyServer jetty;

    @BeforeAll
    void start() throws Exception {
        jetty = JettyServer.start();
    }

    @AfterAll
    void stop() throws Exception {
        jetty.close();
    }

    private static Set<String> threadsOf(FreewayClientContainer client) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith(client.threadNamePrefix() + "-")).collect(Collectors.toSet());
    }

    @Test
    void manyConnectionsShareOneSelectorThreadAndHandlersRunOffIt() throws Exception {
        FreewayClientContainer client = new FreewayClientContainer();
        // more connections than the worker pool may have threads: none gets a thread of its own
        int connections = dev.freeway.container.runtime.WorkerSettings.standard().maxThreads() + 10;
        List<Recorder> sessions = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Recorder r = new Recorder();
            client.connectToServer(r, null, jetty.uri(ServerEndpoints.ECHO));
            sessions.add(r);
        }
        for (Recorder r : sessions) {
            r.session.getAsyncRemote().sendText("hi");
        }
        for (Recorder r : sessions) {
            assertThat(r.text()).isEqualTo("hi");
        }
        Set<String> threads = threadsOf(client);
        System.out.printf("%d open connections: %d client threads %s%n", connections, threads.size(),
                new java.util.TreeSet<>(threads));
        assertThat(threads.stream().filter(n -> n.endsWith("-selector"))).hasSize(1);
        assertThat(threads.size()).isLessThan(connections);
        assertThat(sessions.stream().flatMap(r -> r.handlerThreads.stream()))
                .allMatch(n -> n.startsWith(client.threadNamePrefix() + "-worker-"));
        assertThat(client.openSessions()).hasSize(connections);

        client.close(); // every session gets 1001, then the threads stop
        for (Recorder r : sessions) {
            assertThat(r.awaitClose().getCloseCode()).isEqualTo(CloseReason.CloseCodes.GOING_AWAY);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> threadsOf(client).isEmpty());
    }

    @Test
    void settingsReachTheSessions() throws Exception {
        try (FreewayClientContainer client = new FreewayClientContainer()) {
            client.setDefaultMaxTextMessageBufferSize(1234);
            client.setDefaultMaxBinaryMessageBufferSize(5678);
            client.setAsyncSendTimeout(4321);
            client.setDefaultMaxSessionIdleTimeout(300);
            assertThat(client.getInstalledExtensions()).extracting(Extension::getName).containsExactly("permessage-deflate");
            assertThat(client.getDefaultAsyncSendTimeout()).isEqualTo(4321);

            jakarta.websocket.Session s = client.connectToServer(new jakarta.websocket.Endpoint() {
                @Override
                public void onOpen(jakarta.websocket.Session session, jakarta.websocket.EndpointConfig config) {
                }
            }, null, jetty.uri(ServerEndpoints.ECHO));
            assertThat(s.getMaxTextMessageBufferSize()).isEqualTo(1234);
            assertThat(s.getMaxBinaryMessageBufferSize()).isEqualTo(5678);
            assertThat(s.getMaxIdleTimeout()).isEqualTo(300);
            assertThat(s.getContainer()).isSameAs(client);
            assertThat(s.getRequestURI()).isEqualTo(jetty.uri(ServerEndpoints.ECHO));
        }
    }

    @Test
    void anIdleSessionIsClosedAfterTheIdleTimeout() throws Exception {
        try (FreewayClientContainer client = new FreewayClientContainer()) {
            client.setDefaultMaxSessionIdleTimeout(300);
            Recorder r = new Recorder();
            client.connectToServer(r, null, jetty.uri(ServerEndpoints.ECHO));
            CloseReason reason = r.awaitClose();
            // the server is sent 1001; our endpoint hears 1006, as the local container ended it (spec 2.1.5)
            assertThat(reason.getCloseCode()).isEqualTo(CloseReason.CloseCodes.CLOSED_ABNORMALLY);
            assertThat(reason.getReasonPhrase()).contains("idle");
        }
    }

    @Test
    void permessageDeflateCanBeOfferedByDefault() throws Exception {
        try (FreewayClientContainer client = new FreewayClientContainer()) {
            client.setOfferPerMessageDeflate(true);
            jakarta.websocket.Session s = client.connectToServer(AnnotatedClient.class, jetty.uri(ServerEndpoints.ECHO));
            assertThat(s.getNegotiatedExtensions()).extracting(Extension::getName).containsExactly("permessage-deflate");
            AnnotatedClient endpoint = AnnotatedClient.of(s);
            s.getBasicRemote().sendText("squeeze ".repeat(1000));
            assertThat(endpoint.next()).isEqualTo("squeeze ".repeat(1000));
        }
    }
}
