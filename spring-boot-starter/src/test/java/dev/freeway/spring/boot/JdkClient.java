package dev.freeway.spring.boot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The JDK's own WebSocket client, an implementation independent of Freeway and of the containers:
 * whole text messages arrive in {@link #next()}, the close code in {@link #closeCode()}.
 */
final class JdkClient implements WebSocket.Listener, AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;

    private JdkClient(URI uri, String subprotocol) throws Exception {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(TIMEOUT);
        if (subprotocol != null) {
            builder.subprotocols(subprotocol);
        }
        socket = builder.buildAsync(uri, this).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    static JdkClient connect(int port, String path) throws Exception {
        return new JdkClient(URI.create("ws://localhost:" + port + path), null);
    }

    static JdkClient connect(int port, String path, String subprotocol) throws Exception {
        return new JdkClient(URI.create("ws://localhost:" + port + path), subprotocol);
    }

    String subprotocol() {
        return socket.getSubprotocol();
    }

    void send(String text) throws Exception {
        socket.sendText(text, true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** The next whole text message; fails the test when none comes in time. */
    String next() throws InterruptedException {
        String m = messages.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (m == null) {
            throw new AssertionError("no message within " + TIMEOUT);
        }
        return m;
    }

    /** The close code the server sent; fails the test when it did not close in time. */
    int closeCode() throws Exception {
        return closed.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            messages.add(partial.toString());
            partial.setLength(0);
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

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "");
        }
        socket.abort();
    }
}
