package dev.freeway.cdi.app;

import jakarta.enterprise.context.Dependent;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** Its @OnMessage method is a business method that {@link ShoutDecorator} decorates. */
@Dependent
@ServerEndpoint("/decorated")
public class DecoratedEndpoint implements Shouter {
    @Override
    @OnMessage
    public String shout(String text) {
        return text + "!";
    }
}
