package dev.freeway.it.lifecycle;

import dev.freeway.it.probe.ProbeDeployer;
import jakarta.servlet.annotation.WebListener;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;

/** Deploys {@link RecordingEndpoint} at {@code /record}. */
@WebListener
public class RecordingDeployer extends ProbeDeployer {

    @Override
    protected Iterable<ServerEndpointConfig> endpoints() {
        return List.of(ServerEndpointConfig.Builder.create(RecordingEndpoint.class, "/record").build());
    }
}
