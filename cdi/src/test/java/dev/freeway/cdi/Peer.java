package dev.freeway.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A WebSocket client for the tests: the JDK's, collecting whole text messages and the close code. */
final class Peer implements WebSocket.Listener {
    private final LinkedBlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final StringBuilder text = new StringBuilder();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private WebSocket ws;

    static Peer connect(HttpClient http, int port, String path) throws Exception {
        return connectAsync(http, port, path).get(10, TimeUnit.SECONDS);
    }

    static CompletableFuture<Peer> connectAsync(HttpClient http, int port, String path) {
        Peer peer = new Peer();
        return http.newWebSocketBuilder().buildAsync(URI.create("ws://localhost:" + port + "/app" + path), peer)
                .thenApply(ws -> {
                    peer.ws = ws;
                    return peer;
                });
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            messages.add(text.toString());
            text.setLength(0);
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
        closed.completeExceptionally(error);
    }

    void send(String message) throws Exception {
        ws.sendText(message, true).get(10, TimeUnit.SECONDS);
    }

    String next() throws InterruptedException {
        String m = messages.poll(10, TimeUnit.SECONDS);
        assertThat(m).as("a message within 10 s").isNotNull();
        return m;
    }

    String ask(String message) throws Exception {
        send(message);
        return next();
    }

    /** Closes with 1000 and waits for the server's close frame. */
    int close() throws Exception {
        ws.sendClose(1000, "bye").get(10, TimeUnit.SECONDS);
        return closed.get(10, TimeUnit.SECONDS);
    }

    /** Drops the connection without a close handshake. */
    void vanish() {
        ws.abort();
    }

    /** The close code the server sent. */
    int closedBy() throws Exception {
        return closed.get(10, TimeUnit.SECONDS);
    }
}
