package dev.freeway.it.handshake;

import jakarta.websocket.server.ServerEndpointConfig;

/** Lets only pages of {@link #ALLOWED} connect. */
public class OriginConfigurator extends ServerEndpointConfig.Configurator {

    static final String ALLOWED = "https://allowed.example";

    @Override
    public boolean checkOrigin(String originHeaderValue) {
        return ALLOWED.equals(originHeaderValue);
    }
}
