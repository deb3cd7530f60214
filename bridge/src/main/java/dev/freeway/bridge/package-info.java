/**
 * Byte streams over WebSocket, as websockify carries them: the framings ({@code binary},
 * {@code base64}) shared by the TCP bridge ({@code dev.freeway.bridge.server}) and the stream
 * client ({@code dev.freeway.bridge.client}).
 */
package dev.freeway.bridge;
