package dev.freeway.cdi.app;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.io.IOException;

/**
 * Ends its session as told, to show that beans die whatever ends a session: "close" closes it,
 * "fail" throws (no @OnError: the session closes with 1011), "idle" sets a 300 ms idle timeout.
 */
@Dependent
@ServerEndpoint("/life")
public class LifecycleEndpoint {
    @Inject
    Tally tally;
    @Inject
    ConnectionState state;
    @Inject
    Session injected;

    @OnOpen
    public void open(Session session) {
        // Async: on Tomcat a blocking send from @OnOpen waits until the upgrade's init returns.
        session.getAsyncRemote().sendText(session.getId() + " " + state.id());
    }

    @OnMessage
    public void onMessage(String command, Session session) throws IOException {
        switch (command) {
            case "close" -> session.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "told to"));
            case "fail" -> throw new IllegalStateException("told to fail");
            case "idle" -> session.setMaxIdleTimeout(300);
            default -> session.getBasicRemote().sendText("ok");
        }
    }

    @OnClose
    public void close(Session session) {
        // The connection's beans and the injected session are still there in @OnClose.
        if (state.id() > 0 && injected.getId().equals(session.getId())) {
            tally.count("LifecycleEndpoint.closedWithBeans");
        }
    }

    @PreDestroy
    void destroyed() {
        tally.count("LifecycleEndpoint.destroyed");
    }
}
