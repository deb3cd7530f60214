package dev.freeway.it.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** Answers a count's name with its value, so the test (a client) can see inside the application. */
@ApplicationScoped
@ServerEndpoint("/counts")
public class CountsEndpoint {
    @Inject
    Tally tally;

    @OnMessage
    public String count(String event) {
        return Integer.toString(tally.get(event));
    }
}
