package dev.freeway.bridge.server;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The JDK's own WebSocket client (an implementation we did not write) as a bridge's browser:
 * collects binary payloads and text payloads, and the close it got.
 */
final class JdkPeer implements WebSocket.Listener {
    /** A close as received: code and reason. */
    record Closed(int code, String reason) {
    }

    final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
    private final StringBuilder text = new StringBuilder();
    private WebSocket ws;

    static JdkPeer connect(URI uri, String... subprotocols) throws Exception {
        return connectFrom(null, uri, subprotocols);
    }

    /** As {@link #connect}, as a page of {@code origin} (null: no Origin header) would. */
    static JdkPeer connectFrom(String origin, URI uri, String... subprotocols) throws Exception {
        JdkPeer peer = new JdkPeer();
        WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder();
        if (origin != null) {
            b.header("Origin", origin);
        }
        if (subprotocols.length > 0) {
            b.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
        }
        peer.ws = b.buildAsync(uri, peer).get(10, TimeUnit.SECONDS);
        return peer;
    }

    WebSocket ws() {
        return ws;
    }

    @Override
    public synchronized CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] b = new byte[data.remaining()];
        data.get(b);
        binary.writeBytes(b);
        notifyAll();
        webSocket.request(1);
        return null;
    }

    @Override
    public synchronized CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        text.append(data);
        notifyAll();
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(new Closed(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    /** Waits until {@code size} binary bytes came, and returns them. */
    synchronized byte[] binary(int size) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (binary.size() < size && System.nanoTime() < end) {
            wait(100);
        }
        return binary.toByteArray();
    }

    /** Waits until {@code length} characters of text came, and returns them. */
    synchronized String text(int length) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (text.length() < length && System.nanoTime() < end) {
            wait(100);
        }
        return text.toString();
    }

    Closed awaitClose() throws Exception {
        return closed.get(15, TimeUnit.SECONDS);
    }
}
