package dev.freeway.examples.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * What stopping a server that runs the demo must do, wherever it runs (the launcher, stand-alone
 * distributions): every WebSocket client is sent 1001 (going away) before its connection goes, and
 * the server is gone soon after Freeway's shutdown timeout although half the clients never answer
 * the close. Clients of the JDK's WebSocket client on {@code /echo}; the time measured is printed.
 */
public final class ShutdownCheck {
    private final List<Client> clients;

    private ShutdownCheck(List<Client> clients) {
        this.clients = clients;
    }

    /** Opens {@code count} echo clients ({@code ws} as in {@link DemoChecks}), every other one never answering a close. */
    public static ShutdownCheck connect(Function<String, URI> ws, int count) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Client client = new Client(i % 2 == 0);
            WebSocket socket = http.newWebSocketBuilder().buildAsync(ws.apply("echo"), client).get(10, TimeUnit.SECONDS);
            socket.sendText("hello " + i, true).get(10, TimeUnit.SECONDS);
            assertThat(client.echo.get(10, TimeUnit.SECONDS)).isEqualTo("hello " + i);
            clients.add(client);
        }
        return new ShutdownCheck(clients);
    }

    /**
     * Checks what the clients saw once the server was stopped.
     *
     * @param what    the server, for the printed figures
     * @param stopped how long the stop took, empty if the server did not stop
     * @param bound   the most it may take (generous: machines are noisy)
     */
    public void assertEveryClientGot1001(String what, Optional<Duration> stopped, Duration bound) throws InterruptedException {
        List<String> outcomes = new ArrayList<>();
        for (Client client : clients) {
            outcomes.add(client.outcome());
        }
        long goingAway = outcomes.stream().filter("1001"::equals).count();
        System.out.printf("%s: stop took %s ms, %d of %d clients got 1001 (%d never answered the close)%n", what,
                stopped.map(d -> Long.toString(d.toMillis())).orElse("too long: still running"), goingAway,
                clients.size(), clients.size() / 2);
        assertThat(stopped).as("the server stopped").isPresent();
        assertThat(outcomes).as("what each client saw").containsOnly("1001");
        assertThat(stopped.get()).as("time to stop").isLessThan(bound);
    }

    /** The JDK's client; one that does not answer keeps the close's stage open forever, so it never replies. */
    private static final class Client implements WebSocket.Listener {
        final boolean answers;
        final CompletableFuture<String> echo = new CompletableFuture<>();
        final CompletableFuture<Integer> closeCode = new CompletableFuture<>();

        Client(boolean answers) {
            this.answers = answers;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            echo.complete(data.toString());
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode.complete(statusCode);
            return answers ? null : new CompletableFuture<Void>();
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeCode.completeExceptionally(error); // EOF without a close frame lands here
        }

        /** The close code it was sent, or what ended it instead. */
        String outcome() throws InterruptedException {
            try {
                return Integer.toString(closeCode.get(10, TimeUnit.SECONDS));
            } catch (ExecutionException e) {
                return "no close frame: " + e.getCause();
            } catch (TimeoutException e) {
                return "nothing within 10 s";
            }
        }
    }
}
