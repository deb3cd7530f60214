package dev.freeway.it.support;

import java.io.ByteArrayOutputStream;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@link WebSocket.Listener} for the JDK's client that records everything the server sends:
 * whole messages (reassembled from the parts the JDK delivers), pings, pongs, the close frame and
 * errors. It asks for one message at a time, so the JDK never buffers more than one part.
 *
 * <p>Tests take from it with a timeout, so a server that does not answer fails the test instead of
 * hanging the build.
 */
public final class RecordingListener implements WebSocket.Listener {

    /** How long the {@code next...} methods wait by default. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
    private final BlockingQueue<byte[]> pings = new LinkedBlockingQueue<>();
    private final BlockingQueue<byte[]> pongs = new LinkedBlockingQueue<>();
    private final CompletableFuture<CloseFrame> closed = new CompletableFuture<>();
    private final CompletableFuture<Throwable> error = new CompletableFuture<>();
    private final StringBuilder text = new StringBuilder();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
    private int parts;
    private final boolean answersClose;

    /** A listener whose client answers the server's close frame, as clients should. */
    public RecordingListener() {
        this(true);
    }

    private RecordingListener(boolean answersClose) {
        this.answersClose = answersClose;
    }

    /**
     * A listener whose client records the server's close frame but never answers it (the JDK
     * sends its close once the stage {@code onClose} returned completes, and this one never does):
     * a peer that is gone, stuck or hostile.
     */
    public static RecordingListener neverAnsweringClose() {
        return new RecordingListener(false);
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        text.append(data);
        parts++;
        if (last) {
            messages.add(new Message(text.toString(), null, parts));
            text.setLength(0);
            parts = 0;
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        // the buffer is the JDK's again once we return: copy now
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        binary.writeBytes(bytes);
        parts++;
        if (last) {
            messages.add(new Message(null, binary.toByteArray(), parts));
            binary.reset();
            parts = 0;
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
        pings.add(copy(message)); // the JDK answers with a pong by itself
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
        pongs.add(copy(message));
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(new CloseFrame(statusCode, reason, System.nanoTime()));
        // null: the JDK then answers with a close frame of the same code
        return answersClose ? null : new CompletableFuture<Void>();
    }

    @Override
    public void onError(WebSocket webSocket, Throwable failure) {
        error.complete(failure);
        closed.completeExceptionally(failure);
    }

    /**
     * Takes the next whole message.
     *
     * @return the message
     * @throws AssertionError when none comes within {@link #TIMEOUT}
     */
    public Message nextMessage() throws InterruptedException {
        return take(messages, "message");
    }

    /** @return the next whole message's text; fails when it is binary */
    public String nextText() throws InterruptedException {
        Message m = nextMessage();
        if (m.text() == null) {
            throw new AssertionError("expected a text message, got " + m.bytes().length + " bytes of binary");
        }
        return m.text();
    }

    /** @return the next whole message's bytes; fails when it is text */
    public byte[] nextBinary() throws InterruptedException {
        Message m = nextMessage();
        if (m.bytes() == null) {
            throw new AssertionError("expected a binary message, got text: " + abbreviate(m.text()));
        }
        return m.bytes();
    }

    /** @return the payload of the next ping the server sent */
    public byte[] nextPing() throws InterruptedException {
        return take(pings, "ping");
    }

    /** @return the payload of the next pong the server sent */
    public byte[] nextPong() throws InterruptedException {
        return take(pongs, "pong");
    }

    /** @return a message that arrived already, or {@code null} */
    public Message pollMessage() {
        return messages.poll();
    }

    /**
     * Waits for the server's close frame.
     *
     * @param timeout how long to wait
     * @return the close frame
     * @throws AssertionError when none comes in time, or the connection failed instead
     */
    public CloseFrame awaitClose(Duration timeout) throws InterruptedException {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no close frame within " + timeout);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError("the connection failed instead of closing: " + e.getCause(), e.getCause());
        }
    }

    /** @return the close frame, if one came */
    public CompletableFuture<CloseFrame> closed() {
        return closed;
    }

    /** @return the failure the JDK reported, if any */
    public CompletableFuture<Throwable> error() {
        return error;
    }

    private static <T> T take(BlockingQueue<T> queue, String what) throws InterruptedException {
        T item = queue.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (item == null) {
            throw new AssertionError("no " + what + " within " + TIMEOUT);
        }
        return item;
    }

    private static byte[] copy(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "... (" + text.length() + " chars)";
    }

    /**
     * One whole message.
     *
     * @param text its text, or {@code null} for a binary message
     * @param bytes its bytes, or {@code null} for a text message
     * @param parts in how many parts the JDK delivered it
     */
    public record Message(String text, byte[] bytes, int parts) {

        /** @return the text, or the bytes decoded as UTF-8 */
        public String asText() {
            return text != null ? text : new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /**
     * The server's close frame.
     *
     * @param code the status code (1005 when the frame had none)
     * @param reason the reason phrase
     * @param nanoTime {@link System#nanoTime()} when it arrived
     */
    public record CloseFrame(int code, String reason, long nanoTime) {
    }
}
