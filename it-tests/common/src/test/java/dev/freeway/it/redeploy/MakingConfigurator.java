package dev.freeway.it.redeploy;

import jakarta.websocket.server.ServerEndpointConfig;

/**
 * Makes its endpoint instances itself and inherits the rest, so the first application asks the
 * API's shared default only for the handshake methods.
 */
public class MakingConfigurator extends ServerEndpointConfig.Configurator {
    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) throws InstantiationException {
        try {
            return endpointClass.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            InstantiationException failure = new InstantiationException("cannot make " + endpointClass.getName());
            failure.initCause(e);
            throw failure;
        }
    }
}
