package dev.freeway.client;

import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;

/**
 * Makes {@code ContainerProvider.getWebSocketContainer()} return a Freeway client container
 * (registered in {@code META-INF/services/jakarta.websocket.ContainerProvider}).
 *
 * <p>Each call returns a new {@link FreewayClientContainer} with its own selector thread: keep
 * the one you get and {@link FreewayClientContainer#close() close} it when done. When several
 * WebSocket implementations are on the class path, {@code ContainerProvider} returns the first
 * one the {@code ServiceLoader} finds; construct {@code FreewayClientContainer} directly to be
 * sure of getting Freeway's.
 */
public class FreewayContainerProvider extends ContainerProvider {
    @Override
    protected WebSocketContainer getContainer() {
        return new FreewayClientContainer();
    }
}
