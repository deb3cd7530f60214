package dev.freeway.cdi;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

/**
 * CDI event: a server WebSocket session has closed, whatever the cause; fired once, after its
 * endpoint's {@code @OnClose}, while the session's {@link WebSocketSessionScoped} beans still exist.
 *
 * @param session the closed session
 * @param reason  the reason its endpoint was told
 */
public record SessionClosed(Session session, CloseReason reason) {
}
