package dev.freeway.examples.it;

import dev.freeway.client.FreewayClientContainer;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;

import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The Chrome DevTools protocol over Freeway's own client: evaluates script in a page. Only what
 * the browser test needs: {@code Runtime.evaluate} of an expression whose value is a string.
 */
final class DevTools implements AutoCloseable {
    private final FreewayClientContainer client = new FreewayClientContainer();
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private final Session session;
    private int nextId = 1;

    DevTools(URI pageDebuggerUrl) throws Exception {
        client.setDefaultMaxTextMessageBufferSize(4 * 1024 * 1024);
        session = client.connectToServer(new Endpoint() {
            @Override
            public void onOpen(Session s, EndpointConfig config) {
                s.addMessageHandler(String.class, replies::add);
            }
        }, ClientEndpointConfig.Builder.create().build(), pageDebuggerUrl);
    }

    /** Waits until the page at {@code url} has loaded, so script runs in it and not in about:blank. */
    void awaitPage(String url, long timeoutSeconds) throws Exception {
        String loaded = "String(location.href === " + Json.quote(url) + " && document.readyState === 'complete')";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (!evaluate(loaded, timeoutSeconds).equals("true")) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(url + " did not load within " + timeoutSeconds + " s");
            }
            Thread.sleep(50);
        }
    }

    /**
     * Evaluates {@code expression} (awaiting it if it is a promise) and returns its string value.
     *
     * @throws AssertionError with the page's exception if the script threw
     */
    String evaluate(String expression, long timeoutSeconds) throws Exception {
        int id = nextId++;
        session.getBasicRemote().sendText("{\"id\":" + id + ",\"method\":\"Runtime.evaluate\",\"params\":{\"expression\":"
                + Json.quote(expression) + ",\"awaitPromise\":true,\"returnByValue\":true}}");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (true) {
            String reply = replies.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (reply == null) {
                throw new AssertionError("no DevTools reply within " + timeoutSeconds + " s");
            }
            if (!reply.startsWith("{\"id\":" + id + ",")) {
                continue; // an event, or an older reply
            }
            if (reply.contains("\"exceptionDetails\"")) {
                throw new AssertionError("the page's script failed: " + reply);
            }
            return Json.stringField(reply, "value");
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
