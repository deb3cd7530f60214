package dev.freeway.cdi.app;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/** Shows the request context of each callback: the same within one, another in the next. */
@Dependent
@ServerEndpoint("/request")
public class RequestEndpoint {
    @Inject
    RequestState request;

    @OnOpen
    public void open(Session session) {
        // Async: on Tomcat a blocking send from @OnOpen waits until the upgrade's init returns.
        session.getAsyncRemote().sendText("open:" + request.id());
    }

    /** "id,id" as seen twice within this callback. */
    @OnMessage
    public String onMessage(String ignored) {
        return request.id() + "," + request.id();
    }
}
