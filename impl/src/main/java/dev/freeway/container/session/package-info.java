/**
 * A WebSocket session at run time: {@code WsSession} (the {@code jakarta.websocket.Session}), its
 * basic and async remotes, the inbound side that reads events from the engine and dispatches them
 * to the handlers through message sinks, the heartbeat, and how peer failures are logged. Internal
 * to Freeway, not API.
 */
package dev.freeway.container.session;
