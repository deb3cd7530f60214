package dev.freeway.examples.it;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The JDK's own WebSocket client, collecting whole messages (String or byte[]) in arrival order: an
 * independent peer for Freeway's servers. Public for the distribution tests, which reuse it.
 */
public final class JdkSocket implements WebSocket.Listener, AutoCloseable {
    private final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
    private final StringBuilder text = new StringBuilder();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
    private final WebSocket socket;

    private JdkSocket(URI uri, HttpClient client) throws Exception {
        this.socket = client.newWebSocketBuilder().buildAsync(uri, this).get(10, TimeUnit.SECONDS);
    }

    /** Connects to {@code uri}, waiting up to 10 s for the handshake. */
    public static JdkSocket open(URI uri) throws Exception {
        return open(uri, HttpClient.newHttpClient());
    }

    /** As {@link #open(URI)}, through {@code client} (one with its own TLS, for {@code wss:}). */
    public static JdkSocket open(URI uri, HttpClient client) throws Exception {
        return new JdkSocket(uri, client);
    }

    /** The JDK socket, to send with. */
    public WebSocket socket() {
        return socket;
    }

    /** The next whole message, waiting up to 20 s. */
    public Object next() throws InterruptedException {
        Object m = messages.poll(20, TimeUnit.SECONDS);
        if (m == null) {
            throw new AssertionError("no message within 20 s");
        }
        return m;
    }

    /** The next text message. */
    public String nextText() throws InterruptedException {
        Object m = next();
        if (!(m instanceof String s)) {
            throw new AssertionError("expected a text message, got " + m);
        }
        return s;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            messages.add(text.toString());
            text.setLength(0);
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
        byte[] chunk = new byte[data.remaining()];
        data.get(chunk);
        binary.writeBytes(chunk);
        if (last) {
            messages.add(binary.toByteArray());
            binary.reset();
        }
        ws.request(1);
        return null;
    }

    @Override
    public void close() throws java.io.IOException {
        if (socket.isOutputClosed()) {
            return;
        }
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            socket.abort();
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            socket.abort();
            throw new java.io.IOException("the close frame could not be sent", e);
        }
    }
}
