/**
 * The demo's TCP bridge: {@code /bridge/echo} carries a WebSocket's bytes to a TCP echo service
 * on a loopback port and back, as websockify would.
 */
package dev.freeway.examples.bridge;
