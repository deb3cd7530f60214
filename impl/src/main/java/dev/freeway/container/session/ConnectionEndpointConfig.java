package dev.freeway.container.session;

import jakarta.websocket.Decoder;
import jakarta.websocket.Encoder;
import jakarta.websocket.Extension;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An endpoint's configuration as one connection sees it: everything delegates to the deployed
 * configuration except the user properties, which are a shallow copy taken for this connection
 * (Jakarta WebSocket 2.2 section 3.1.5: {@code modifyHandshake} sees the copy, and the session
 * starts with it, changes included).
 */
public final class ConnectionEndpointConfig implements ServerEndpointConfig {
    private final ServerEndpointConfig deployed;
    /** HashMap, as the API's own config uses: applications may store null values. */
    private final Map<String, Object> userProperties;

    public ConnectionEndpointConfig(ServerEndpointConfig deployed) {
        this.deployed = deployed;
        Map<String, Object> source = deployed.getUserProperties();
        this.userProperties = source == null ? new HashMap<>() : new HashMap<>(source);
    }

    /** The deployed configuration this connection's copy was made from. */
    public ServerEndpointConfig original() {
        return deployed;
    }

    @Override
    public Class<?> getEndpointClass() {
        return deployed.getEndpointClass();
    }

    @Override
    public String getPath() {
        return deployed.getPath();
    }

    @Override
    public List<String> getSubprotocols() {
        return deployed.getSubprotocols();
    }

    @Override
    public List<Extension> getExtensions() {
        return deployed.getExtensions();
    }

    @Override
    public Configurator getConfigurator() {
        return deployed.getConfigurator();
    }

    @Override
    public List<Class<? extends Encoder>> getEncoders() {
        return deployed.getEncoders();
    }

    @Override
    public List<Class<? extends Decoder>> getDecoders() {
        return deployed.getDecoders();
    }

    @Override
    public Map<String, Object> getUserProperties() {
        return userProperties;
    }

    @Override
    public String toString() {
        return "ServerEndpointConfig[" + getEndpointClass() + " at " + getPath() + ", per connection]";
    }
}
