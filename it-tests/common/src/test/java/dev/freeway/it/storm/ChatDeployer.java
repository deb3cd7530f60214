package dev.freeway.it.storm;

import dev.freeway.it.probe.ProbeDeployer;
import jakarta.servlet.annotation.WebListener;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;

/** Deploys {@link ChatRoomEndpoint} at {@code /chat}. */
@WebListener
public class ChatDeployer extends ProbeDeployer {

    @Override
    protected Iterable<ServerEndpointConfig> endpoints() {
        return List.of(ServerEndpointConfig.Builder.create(ChatRoomEndpoint.class, "/chat").build());
    }
}
