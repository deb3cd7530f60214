package dev.freeway.it.storm;

import dev.freeway.api.Freeway;
import dev.freeway.it.probe.SessionProbe;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A chat room: every line a member sends goes to every open member with an asynchronous send,
 * as a chat application does. Per member it records the most bytes Freeway held for it (its
 * {@code bufferedAmount} before each send) and how its sends ended, and reports that to the
 * {@link SessionProbe} when the member leaves: {@code member NAME closed CODE maxBuffered=B
 * refused=R failed=F}.
 */
public class ChatRoomEndpoint extends Endpoint {

    /** What happened to the sends to one member. */
    private static final class Member {
        final String name;
        final AtomicLong maxBuffered = new AtomicLong();
        final AtomicInteger refused = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();

        Member(String name) {
            this.name = name;
        }
    }

    private static final String MEMBER = Member.class.getName();

    private SessionProbe probe;

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        probe = SessionProbe.of(config);
        List<String> names = session.getRequestParameterMap().getOrDefault("name", List.of(session.getId()));
        session.getUserProperties().put(MEMBER, new Member(names.get(0)));
        probe.opened(session);
        session.addMessageHandler(String.class, new MessageHandler.Whole<String>() {
            @Override
            public void onMessage(String line) {
                broadcast(session, line);
            }
        });
    }

    private static void broadcast(Session from, String line) {
        for (Session to : from.getOpenSessions()) {
            Member member = (Member) to.getUserProperties().get(MEMBER);
            if (member == null || !to.isOpen()) {
                continue;
            }
            member.maxBuffered.accumulateAndGet(Freeway.of(to).bufferedAmount(), Math::max);
            to.getAsyncRemote().sendText(line, result -> {
                if (result.isOK()) {
                    return;
                }
                if (result.getException().getClass().getSimpleName().equals("OutboundFullException")) {
                    member.refused.incrementAndGet();
                } else {
                    member.failed.incrementAndGet();
                }
            });
        }
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        Member m = (Member) session.getUserProperties().get(MEMBER);
        probe.event("member " + m.name + " closed " + reason.getCloseCode().getCode() + " maxBuffered="
                + m.maxBuffered.get() + " refused=" + m.refused.get() + " failed=" + m.failed.get());
        probe.closed(session, reason);
    }

    @Override
    public void onError(Session session, Throwable failure) {
        probe.event("onError " + failure.getClass().getSimpleName());
    }
}
