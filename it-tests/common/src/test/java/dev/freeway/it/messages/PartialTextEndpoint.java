package dev.freeway.it.messages;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;
import java.nio.charset.StandardCharsets;

/**
 * Receives text in parts ({@code boolean last}) and, at the last part, answers how many parts came
 * and what they add up to. One instance per connection, so the fields are this connection's.
 */
@ServerEndpoint("/partial-text")
public class PartialTextEndpoint {

    private final StringBuilder message = new StringBuilder();
    private int parts;

    @OnMessage
    public String part(String part, boolean last) {
        message.append(part);
        parts++;
        if (!last) {
            return null; // nothing to send yet
        }
        String text = message.toString();
        String answer = "parts=" + parts + ";bytes=" + text.getBytes(StandardCharsets.UTF_8).length + ";text=" + text;
        message.setLength(0);
        parts = 0;
        return answer;
    }
}
