package dev.freeway.cdi;

import jakarta.websocket.Session;

/**
 * CDI event: a server WebSocket session has opened; fired before its endpoint's {@code @OnOpen},
 * with the session's scope and a request context active. Observe it to keep a registry of sessions
 * without touching endpoint code: {@code void opened(@Observes SessionOpened e)}.
 *
 * @param session the new session
 */
public record SessionOpened(Session session) {
}
