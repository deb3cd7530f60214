package dev.freeway.it.support;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The JDK's HTTP and WebSocket client, set up for the integration tests: one shared
 * {@link HttpClient}, URLs made from the deployment's base URL, and waits that time out.
 *
 * <p>The JDK 17 client sends {@code Content-Length: 0} in the opening handshake, so it works on the
 * Jetty versions with the {@link ContainerDefects#UPGRADE_INPUT_EOF} defect too.
 */
public final class JdkClient {

    /** One client for every test of the JVM: it is thread-safe and costs a selector thread. */
    public static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private JdkClient() {
    }

    /**
     * Turns the deployment's base URL and an endpoint path into a {@code ws:} URI.
     *
     * @param base the {@code @ArquillianResource} URL, e.g. {@code http://127.0.0.1:4711/echo/}
     * @param path the path relative to it, e.g. {@code big} or {@code rooms/a%20b}
     * @return e.g. {@code ws://127.0.0.1:4711/echo/big}
     */
    public static URI ws(URL base, String path) {
        return URI.create("ws" + base.toString().substring("http".length()) + path);
    }

    /**
     * Opens a WebSocket with a {@link RecordingListener}.
     *
     * @param base the deployment's base URL
     * @param path the endpoint path relative to it
     * @param listener where everything the server sends goes
     * @return the open WebSocket
     */
    public static WebSocket connect(URL base, String path, RecordingListener listener) throws Exception {
        return connect(HTTP.newWebSocketBuilder(), base, path, listener);
    }

    /**
     * Opens a WebSocket with a builder the test prepared (subprotocols, headers).
     *
     * @param builder the builder
     * @param base the deployment's base URL
     * @param path the endpoint path relative to it
     * @param listener where everything the server sends goes
     * @return the open WebSocket
     */
    public static WebSocket connect(WebSocket.Builder builder, URL base, String path, RecordingListener listener)
            throws Exception {
        return await(builder.connectTimeout(Duration.ofSeconds(10)).buildAsync(ws(base, path), listener).toCompletableFuture());
    }

    /**
     * GETs a plain-text resource of the deployment, such as a probe servlet's report.
     *
     * @param base the deployment's base URL
     * @param path the path relative to it
     * @return the response
     */
    public static HttpResponse<String> get(URL base, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Waits for a future with the default timeout, unwrapping its failure.
     *
     * @param future what to wait for
     * @param <T> its result type
     * @return its result
     */
    public static <T> T await(java.util.concurrent.Future<T> future) throws Exception {
        try {
            return future.get(RecordingListener.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception) {
                throw (Exception) e.getCause();
            }
            throw e;
        } catch (TimeoutException e) {
            throw new AssertionError("not done within " + RecordingListener.TIMEOUT, e);
        }
    }

    /**
     * Closes from the client side with 1000 and checks that the server answers with 1000 too.
     *
     * @param ws the WebSocket
     * @param listener its listener
     * @throws AssertionError when the server answers otherwise, or not in time
     */
    public static void closeNormally(WebSocket ws, RecordingListener listener) throws Exception {
        await(ws.sendClose(WebSocket.NORMAL_CLOSURE, "done"));
        RecordingListener.CloseFrame reply = listener.awaitClose(RecordingListener.TIMEOUT);
        if (reply.code() != WebSocket.NORMAL_CLOSURE) {
            throw new AssertionError("the server answered the client's close (1000) with " + reply);
        }
    }
}
