package dev.freeway.client;

import jakarta.websocket.ClientEndpoint;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** An annotated client endpoint with a subprotocol and a configurator; finds itself through the session. */
@ClientEndpoint(subprotocols = {"echo.v1"}, configurator = AnnotatedClient.Headers.class)
public class AnnotatedClient {
    private static final String SELF = "annotated-client";

    final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    final CompletableFuture<CloseReason> closed = new CompletableFuture<>();

    static AnnotatedClient of(Session session) {
        return (AnnotatedClient) session.getUserProperties().get(SELF);
    }

    @OnOpen
    public void open(Session session) {
        session.getUserProperties().put(SELF, this);
    }

    @OnMessage
    public void text(String message) {
        messages.add(message);
    }

    @OnClose
    public void close(CloseReason reason) {
        closed.complete(reason);
    }

    String next() throws InterruptedException {
        return messages.poll(20, TimeUnit.SECONDS);
    }

    /**
     * Replaces the annotation's subprotocol offer in the request headers: the subprotocol the
     * server picks shows that the configurator ran and that its changes are what was sent.
     */
    public static class Headers extends ClientEndpointConfig.Configurator {
        @Override
        public void beforeRequest(Map<String, List<String>> headers) {
            headers.put("Sec-WebSocket-Protocol", List.of("echo.v2"));
        }
    }
}
