package dev.freeway.examples.chat;

import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/**
 * {@code /chat/{room}?name=alice}: every text message is broadcast to the room as
 * {@code "alice: text"}, with a line when someone joins or leaves.
 *
 * <p>The endpoint only routes callbacks to the connection's {@link ChatMember}. With Freeway's
 * CDI module the member is injected ({@code @Inject ChatMember member;}) instead of being created
 * in {@link #open}.
 */
@ServerEndpoint("/chat/{room}")
public class ChatEndpoint {
    /** Chat lines are short; a larger message closes the connection with 1009. */
    public static final int MAX_LINE = 64 * 1024;

    /** One endpoint instance per connection (the default configurator), so one member each. */
    private ChatMember member;

    @OnOpen
    public void open(Session session) {
        member = new ChatMember(session);
        member.joined();
    }

    @OnMessage(maxMessageSize = MAX_LINE)
    public void message(String text) {
        member.say(text);
    }

    @OnClose
    public void close() {
        if (member != null) {
            member.left();
        }
    }
}
