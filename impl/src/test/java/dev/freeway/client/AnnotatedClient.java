package dev.freeway.client;

import jakarta.websocket.ClientEndpoint;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** An annotated client endpoint with a subprotocol and a configurator; finds itself through the session. */
@ClientEndpoint(subprotocols = {"echo.v1"}, configurator = AnnotatedClient.Headers.class)
public class AnnotatedClient {
    private static final String SELF = "annotated-client";

    final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
    final List<String> headerSeen = new CopyOnWriteArrayList<>();

    static AnnotatedClient of(Session session) {
        return (AnnotatedClient) session.getUserProperties().get(SELF);
    }

    @OnOpen
    public void open(Session session) {
        session.getUserProperties().put(SELF, this);
        headerSeen.addAll(Headers.LAST.get());
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

    /** Sends X-Hello and remembers the X-Echo the server returned, for the endpoint opened next on this thread. */
    public static class Headers extends ClientEndpointConfig.Configurator {
        static final ThreadLocal<List<String>> LAST = ThreadLocal.withInitial(List::of);

        @Override
        public void beforeRequest(Map<String, List<String>> headers) {
            headers.put("X-Hello", List.of("annotated"));
        }

        @Override
        public void afterResponse(HandshakeResponse response) {
            response.getHeaders().forEach((k, v) -> {
                if (k.equalsIgnoreCase("X-Echo")) {
                    LAST.set(List.copyOf(v));
                }
            });
        }
    }
}
