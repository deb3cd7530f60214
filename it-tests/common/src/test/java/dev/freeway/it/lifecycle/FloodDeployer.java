package dev.freeway.it.lifecycle;

import dev.freeway.it.probe.ProbeDeployer;
import jakarta.servlet.annotation.WebListener;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;

/** Deploys {@link FloodEndpoint} at {@code /flood}. */
@WebListener
public class FloodDeployer extends ProbeDeployer {

    @Override
    protected Iterable<ServerEndpointConfig> endpoints() {
        return List.of(ServerEndpointConfig.Builder.create(FloodEndpoint.class, "/flood").build());
    }
}
