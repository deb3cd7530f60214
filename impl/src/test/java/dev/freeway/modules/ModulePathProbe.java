package dev.freeway.modules;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Run by {@link ModulePathTest} in a JVM that has Freeway and the Jakarta WebSocket API on the
 * module path and this class on the class path: finds the client container through the API's
 * {@code ServiceLoader}, echoes one message through it, and prints what it saw, one fact a line.
 */
public final class ModulePathProbe {

    private ModulePathProbe() {
    }

    /** {@code args[0]}: the URI of an echo endpoint. */
    public static void main(String[] args) throws Exception {
        WebSocketContainer container = ContainerProvider.getWebSocketContainer();
        Module freeway = container.getClass().getModule();
        System.out.println("container " + container.getClass().getName() + " in module " + freeway.getName());
        for (String pkg : new String[] {"dev.freeway.client", "dev.freeway.engine", "dev.freeway.transport"}) {
            System.out.println("exported " + pkg + " " + freeway.isExported(pkg));
        }
        CompletableFuture<String> echoed = new CompletableFuture<>();
        Endpoint endpoint = new Endpoint() {
            @Override
            public void onOpen(Session session, EndpointConfig config) {
                session.addMessageHandler(String.class, (MessageHandler.Whole<String>) echoed::complete);
            }
        };
        try (Session session = container.connectToServer(endpoint, ClientEndpointConfig.Builder.create().build(),
                URI.create(args[0]))) {
            session.getBasicRemote().sendText("over the module path");
            System.out.println("echo " + echoed.get(10, TimeUnit.SECONDS));
        }
    }
}
