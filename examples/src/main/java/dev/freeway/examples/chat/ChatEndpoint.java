package dev.freeway.examples.chat;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.server.ServerEndpoint;

/**
 * {@code /chat/{room}?name=alice}: every text message is broadcast to the room as
 * {@code "alice: text"}, with a line when someone joins or leaves.
 *
 * <p>A CDI bean, made per connection by Freeway's CDI module. It only routes callbacks to the
 * connection's {@link ChatMember}, a {@code @WebSocketSessionScoped} bean: the injected proxy
 * reaches this connection's member in every callback, and the member knows its own session.
 */
@Dependent
@ServerEndpoint("/chat/{room}")
public class ChatEndpoint {
    /** Chat lines are short; a larger message closes the connection with 1009. */
    public static final int MAX_LINE = 64 * 1024;

    @Inject
    ChatMember member;

    @OnOpen
    public void open() {
        member.joined();
    }

    @OnMessage(maxMessageSize = MAX_LINE)
    public void message(String text) {
        member.say(text);
    }

    @OnClose
    public void close() {
        member.left();
    }
}
