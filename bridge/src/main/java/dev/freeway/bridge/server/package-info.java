/**
 * The TCP bridge: a WebSocket endpoint that carries each WebSocket's bytes to and from a new TCP
 * connection, websockify-compatible. Start at {@link dev.freeway.bridge.server.TcpBridge}.
 */
package dev.freeway.bridge.server;
