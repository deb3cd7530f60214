package dev.freeway.it.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freeway.it.support.FreewayWar;
import dev.freeway.it.support.JdkClient;
import java.net.URL;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Many sessions at once: {@value #CONNECTIONS} JDK client connections, opened together on one
 * shared {@code HttpClient}, each sending {@value #MESSAGES} numbered messages without waiting for
 * the echoes; every connection must get all its echoes back, in order, none lost or mixed with
 * another connection's.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConcurrentEchoIT {

    private static final int CONNECTIONS = 200;
    private static final int MESSAGES = 100;
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return FreewayWar.create("load", LoadEchoEndpoint.class);
    }

    @Test
    void everyConnectionGetsAllItsEchoesInOrder() throws Exception {
        long start = System.nanoTime();
        List<Conversation> conversations = new ArrayList<>();
        List<CompletableFuture<WebSocket>> opening = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            Conversation conversation = new Conversation(c);
            conversations.add(conversation);
            opening.add(JdkClient.HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30))
                    .buildAsync(JdkClient.ws(base, "echo"), conversation));
        }
        CompletableFuture.allOf(opening.toArray(CompletableFuture[]::new)).get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        long opened = System.nanoTime();

        for (int c = 0; c < CONNECTIONS; c++) {
            conversations.get(c).start(opening.get(c).join());
        }
        try {
            CompletableFuture.allOf(conversations.stream().map(Conversation::done).toArray(CompletableFuture[]::new))
                    .get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            List<String> stuck = conversations.stream().filter(c -> !c.done().isDone()).map(Conversation::toString)
                    .collect(Collectors.toList());
            throw new AssertionError(stuck.size() + " of " + CONNECTIONS + " connections did not get all their echoes within "
                    + LIMIT + ", e.g. " + stuck.subList(0, Math.min(10, stuck.size())), e);
        }
        long echoed = System.nanoTime();

        for (Conversation conversation : conversations) {
            assertThat(conversation.received()).as("echoes of connection %d", conversation.id)
                    .containsExactlyElementsOf(conversation.expected());
        }
        List<CompletableFuture<WebSocket>> closing = new ArrayList<>();
        for (Conversation conversation : conversations) {
            closing.add(conversation.ws.sendClose(WebSocket.NORMAL_CLOSURE, "").toCompletableFuture());
        }
        CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        CompletableFuture.allOf(conversations.stream().map(c -> c.closed).toArray(CompletableFuture[]::new))
                .get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        for (Conversation conversation : conversations) {
            assertThat(conversation.closed.join()).isEqualTo(WebSocket.NORMAL_CLOSURE);
        }
        // for the report: how long this container took
        System.out.printf("%d connections opened in %d ms, %d echoes in %d ms more, closed in %d ms more%n",
                CONNECTIONS, (opened - start) / 1_000_000, CONNECTIONS * MESSAGES, (echoed - opened) / 1_000_000,
                (System.nanoTime() - echoed) / 1_000_000);
    }

    /** One connection: sends its numbered messages one after another and collects the echoes. */
    private static final class Conversation implements WebSocket.Listener {

        private final int id;
        private final List<String> received = new ArrayList<>();
        private final StringBuilder part = new StringBuilder();
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final AtomicInteger sent = new AtomicInteger();
        private WebSocket ws;

        Conversation(int id) {
            this.id = id;
        }

        void start(WebSocket webSocket) {
            this.ws = webSocket;
            send(0);
        }

        /** The JDK allows one outstanding send per WebSocket: each send starts the next. */
        private void send(int index) {
            if (index == MESSAGES) {
                return;
            }
            ws.sendText(message(id, index), true).whenComplete((w, failure) -> {
                if (failure != null) {
                    done.completeExceptionally(failure);
                } else {
                    sent.incrementAndGet();
                    send(index + 1);
                }
            });
        }

        @Override
        public synchronized String toString() {
            return "connection " + id + ": " + sent.get() + " sent, " + received.size() + " echoed";
        }

        List<String> expected() {
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < MESSAGES; i++) {
                expected.add(message(id, i));
            }
            return expected;
        }

        synchronized List<String> received() {
            return new ArrayList<>(received);
        }

        CompletableFuture<Void> done() {
            return done;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            synchronized (this) {
                part.append(data);
                if (last) {
                    received.add(part.toString());
                    part.setLength(0);
                    if (received.size() == MESSAGES) {
                        done.complete(null);
                    }
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            done.completeExceptionally(error);
            closed.completeExceptionally(error);
        }

        private static String message(int connection, int index) {
            return "connection " + connection + " message " + index;
        }
    }
}
